// A day of close-outs and a carry-in on a demo desk, made through the desk's own calls before its host
// starts: for the printed slips' browser test (slips.spec.ts) and their bench (test/bench/slips.bench.ts).
import { execFileSync } from 'node:child_process'
import { deflateSync } from 'node:zlib'
import type { Desk } from '../../electron/desk'

/** Friday 2026-11-20, 10:30 in Kunming: the close-outs are all of that day. */
export const SLIPS_NOW = '2026-11-20T10:30+08:00'
export const SLIPS_DAY = '2026-11-20'

// ---- a drawn signature, as signature_pad would make it: a PNG data URL ----------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/** A handwritten-looking stroke (a few loops and a flourish) in dark blue ink on a transparent 460×150 PNG. */
export function signaturePng(seed = 1): string {
  const W = 460
  const H = 150
  const px = Buffer.alloc(W * H * 4)
  const ink = (x: number, y: number, r: number) => {
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        if (dx * dx + dy * dy > r * r) continue
        const X = Math.round(x + dx)
        const Y = Math.round(y + dy)
        if (X < 0 || Y < 0 || X >= W || Y >= H) continue
        const i = (Y * W + X) * 4
        px[i] = 0x0b
        px[i + 1] = 0x1f
        px[i + 2] = 0x44
        px[i + 3] = 255
      }
  }
  const phase = seed * 0.7
  for (let t = 0; t <= 1; t += 0.0004) {
    // loops moving right, then a long underline back
    const x = 30 + t * 380 + 22 * Math.cos(t * 26 + phase)
    const y = 70 + 34 * Math.sin(t * 26 + phase) * (1 - t * 0.5) - 10 * Math.sin(t * 5)
    ink(x, y, 2)
  }
  for (let t = 0; t <= 1; t += 0.001) ink(60 + t * 340, 118 + 8 * Math.sin(t * 3.2 + phase), 1.5)
  const raw = Buffer.alloc(H * (W * 4 + 1))
  for (let y = 0; y < H; y++) px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(W, 0)
  ihdr.writeUInt32BE(H, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString('base64')}`
}

// ---- a day of close-outs on a demo desk -------------------------------------------------------------

const FAULTS: Record<string, string> = {
  desktop: '电脑开机后蓝屏，反复重启',
  laptop: '笔记本开机后硬盘灯常亮，系统无法进入',
  server: 'RAID 阵列降级，一块硬盘告警灯亮',
  monitor: '显示器无信号，电源灯闪烁',
  printer: '打印机卡纸，进纸时有异响',
  network: '交换机端口频繁掉线',
}
const CAUSES = ['硬盘坏道导致系统文件损坏', '内存条接触不良', '电源老化，输出电压不稳', '进纸辊磨损，分页器老化', '系统更新后驱动冲突', '网线水晶头氧化']
const FIXES = ['更换硬盘，重装系统并恢复客户备份', '清洁金手指并重新插紧内存，测试两小时正常', '更换电源，整机测试运行正常', '更换进纸辊和分页器，连续打印 50 页正常', '回退驱动程序并关闭自动更新', '重做水晶头，测试网络连通']
const SIGNERS = ['王主任', '李科长', '赵老师', '陈会计', '周工', '吴主任']

/**
 * `n` on-site jobs done on the desk's day, made through the desk's own calls: a ticket on one of the
 * station's customers' devices (customers 1…n of the demo), assigned, the engineer at the door, cause
 * and fix written, a part swapped where the engineer holds one, a drawn signature; every fifth signed on
 * paper, with a discount the manager agreed. Returns the tickets closed.
 */
export async function fillCloseOuts(desk: Desk, n: number, now: Date): Promise<{ id: string; number: string }[]> {
  const arrived = new Date(now.getTime() - 50 * 60_000).toISOString()
  const departed = new Date(now.getTime() - 5 * 60_000).toISOString()
  const windowStart = new Date(now.getTime() + 30 * 60_000).toISOString()
  const windowEnd = new Date(now.getTime() + 90 * 60_000).toISOString()
  const { station } = await desk.call('desk.info', {})
  const engineers = await desk.call('engineers.list', {})
  const holdings = (await desk.call('parts.holdings', {})).filter((h) => h.qty > 0)
  const signatures = Array.from({ length: 6 }, (_, i) => signaturePng(i + 1))
  const done: { id: string; number: string }[] = []
  for (let c = 1; done.length < n && c <= n * 3; c++) {
    const i = done.length
    const card = await desk.call('customers.card', { id: `${station.id}-cus-${String(c).padStart(4, '0')}` }).catch(() => null)
    const phone = card?.contacts[0]?.phone
    if (!card || !phone) continue
    const asset = card.assets.find((a) => a.category in FAULTS) ?? null
    const category = asset?.category ?? 'desktop'
    const { id, number } = await desk.call('ticket.create', {
      customerId: card.id,
      assetId: asset?.id ?? null,
      reporterName: card.contacts[0]!.name,
      reporterPhone: phone,
      faultDescription: FAULTS[category]!,
      category,
      faultLevel: 'general',
      channel: 'phone',
      serviceMode: 'onsite',
    })
    const engineerId = engineers[i % engineers.length]!.id
    await desk.call('ticket.assign', { ticketId: id, engineerId, appointmentStart: windowStart, appointmentEnd: windowEnd })
    await desk.call('ticket.arrive', { ticketId: id })
    const held = holdings.find((h) => h.engineerId === engineerId && h.qty > 0)
    const parts = held && i % 2 === 0 ? [{ partId: held.partId, faultDescription: `${held.partName}故障，检测确认` }] : []
    const paper = i % 5 === 4
    const onsiteRequested = paper || i % 2 === 1
    const quote = paper ? await desk.call('closeout.quote', { ticketId: id, partIds: parts.map((p) => p.partId), onsiteRequested }) : null
    const adjustment = quote && quote.total > 0 ? { total: Math.round((quote.total * 0.8) / 100) * 100, reason: '老客户，经客服主任同意按八折收取', managerId: 'st-wh-manager' } : undefined
    await desk.call('ticket.closeOut', {
      ticketId: id,
      engineerId,
      arrivedAt: arrived,
      departedAt: departed,
      cause: CAUSES[i % CAUSES.length]!,
      fix: FIXES[i % FIXES.length]!,
      advice: i % 3 === 0 ? '' : '重要资料定期备份到移动硬盘；设备请勿放在潮湿处',
      dataBackedUp: i % 7 !== 3,
      onsiteRequested,
      parts,
      ...(adjustment ? { adjustment } : {}),
      signature: paper ? { kind: 'paper', signer: '' } : { kind: 'drawn', image: signatures[i % signatures.length]!, signer: SIGNERS[i % SIGNERS.length]! },
    })
    if (held) held.qty -= parts.length
    done.push({ id, number })
  }
  if (done.length < n) throw new Error(`only ${done.length} of ${n} jobs could be closed out`)
  return done
}


/** A laptop brought to the counter (its power adapter missing, a bag and a USB stick extra), repaired at the bench. */
export async function takeInAndRepair(desk: Desk): Promise<{ ticketId: string; carryInId: string; receiptNumber: string }> {
  const [caller] = await desk.call('customers.lookup', { text: '13888000001' })
  const { id: ticketId } = await desk.call('ticket.create', {
    customerId: caller!.id,
    assetId: 'st-wh-cus-0001-as-2',
    reporterPhone: '13888000001',
    faultDescription: '笔记本无法开机，电源指示灯不亮，疑似主板供电故障',
    category: 'laptop',
    faultLevel: 'general',
    channel: 'phone',
    serviceMode: 'carry_in',
  })
  const taken = await desk.call('carryIn.intake', {
    ticketId,
    tagNumber: 'WH-0087',
    device: { category: 'laptop', brand: '华为', model: 'MateBook D14', serial: 'SN59968308' },
    accessories: [
      { item: '笔记本电脑', standard: true, present: true },
      { item: '电源适配器', standard: true, present: false },
      { item: '电池', standard: true, present: true },
      { item: '电脑包', standard: false, present: true },
      { item: 'U 盘（8G）', standard: false, present: true },
    ],
    conditionNote: 'A 面有划痕，右下角螺丝缺一颗',
    promisedOn: '2026-11-23',
  })
  const held = (await desk.call('parts.holdings', {})).find((h) => h.qty > 0)!
  await desk.call('carryIn.step', { carryInId: taken.id, to: 'repairing' })
  await desk.call('ticket.closeOut', {
    ticketId,
    engineerId: held.engineerId,
    cause: '主板供电芯片烧毁',
    fix: `更换${held.partName}，整机测试正常`,
    advice: '使用原装电源适配器',
    dataBackedUp: true,
    parts: [{ partId: held.partId, faultDescription: `${held.partName}故障，检测确认` }],
    signature: { kind: 'drawn', image: signaturePng(9), signer: '王主任' },
  })
  return { ticketId, carryInId: taken.id, receiptNumber: taken.number }
}

export interface SlipsData {
  closed: { id: string; number: string }[]
  carry: { ticketId: string; carryInId: string; receiptNumber: string }
}

/**
 * Fills a new data dir in a process of its own (Playwright's loader cannot load the desk core):
 * `node --import tsx test/e2e/slipsData.ts <dataDir> <close-outs>` prints what it made as JSON.
 */
export function makeSlipsData(dataDir: string, closeOuts: number): SlipsData {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/e2e/slipsData.ts', dataDir, String(closeOuts)], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').at(-1)!) as SlipsData
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openDesk } = await import('../../electron/desk')
  const now = new Date(SLIPS_NOW)
  const desk = await openDesk({ dataDir: process.argv[2]!, now: () => now })
  try {
    const closed = await fillCloseOuts(desk, Number(process.argv[3] ?? 3), now)
    const carry = await takeInAndRepair(desk)
    console.log(JSON.stringify({ closed, carry } satisfies SlipsData))
  } finally {
    desk.close()
  }
}
