// The demo catalogue of spare parts (备品备件目录): what a PC service station keeps, with the branch's
// cost and out-of-warranty prices (fen). The server seeds it; a new desk has it from its first start.
import type { PartRow } from '../mutators/tables'

const AT = '2026-01-01T00:00:00.000Z'
const part = (id: string, number: string, name: string, model: string, category: PartRow['category'], grade: number, cost: number, price: number): PartRow => ({
  id: `part-${id}`,
  number,
  name,
  model,
  category,
  grade,
  unit_cost: cost * 100,
  price: price * 100,
  active: 1,
  created_at: AT,
})

export const DEMO_PARTS: readonly PartRow[] = [
  part('mb-h61', 'MB-H61-01', '主板', '华硕 H61M-K', 'mainboard', 1, 320, 480),
  part('mb-b75', 'MB-B75-01', '主板', '华硕 B75M-A', 'mainboard', 2, 420, 620),
  part('cpu-g2030', 'CPU-G2030', 'CPU', '英特尔 奔腾 G2030', 'cpu', 1, 260, 380),
  part('mem-4g', 'MEM-DDR3-4G', '内存', '金士顿 DDR3 4GB', 'memory', 1, 110, 180),
  part('mem-8g', 'MEM-DDR3-8G', '内存', '金士顿 DDR3 8GB', 'memory', 2, 190, 300),
  part('hdd-500', 'HDD-500G', '硬盘', '希捷 ST500DM002 500GB', 'hdd', 1, 240, 360),
  part('hdd-1t', 'HDD-1T', '硬盘', '希捷 ST1000DM003 1TB', 'hdd', 2, 320, 460),
  part('psu-300', 'PSU-300W', '电源', '航嘉 冷静王 300W', 'psu', 1, 150, 230),
  part('vga-gt610', 'VGA-GT610', '显卡', '七彩虹 GT610 1GB', 'graphics', 1, 210, 320),
  part('nic-8139', 'NIC-RTL8139', '网卡', 'TP-LINK TF-3239DL', 'nic', 1, 35, 60),
  part('dvd-24x', 'DVD-24X', '光驱', '先锋 DVD-231D', 'optical', 1, 90, 140),
  part('fan-cpu', 'FAN-CPU-775', 'CPU 风扇', '酷冷至尊 T20', 'cpu_fan', 1, 25, 45),
  part('kb-usb', 'KB-USB-01', '键盘', '罗技 K120', 'keyboard', 1, 45, 70),
  part('ms-usb', 'MS-USB-01', '鼠标', '罗技 M100', 'mouse', 1, 30, 50),
  part('lcd-19', 'LCD-19-01', '液晶显示器（替代机）', '飞利浦 193V5 19 英寸', 'lcd_monitor', 1, 520, 760),
]
