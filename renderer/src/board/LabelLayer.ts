// Place names drawn on one canvas: a DOM element per county name (129 of them) made Chromium
// composite each as a layer of its own while the map panned, at ~10 ms a frame.
import L from 'leaflet'

export interface MapLabel {
  text: string
  lat: number
  lng: number
}

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif"

export class LabelLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null

  constructor(
    private readonly labelsAt: (zoom: number) => { labels: readonly MapLabel[]; bold: boolean },
    private readonly paneName: string,
  ) {
    super()
  }

  override onAdd(map: L.Map): this {
    this.canvas = L.DomUtil.create('canvas', 'map-labels leaflet-zoom-hide')
    map.getPane(this.paneName)!.appendChild(this.canvas)
    // a zoom ends with a moveend too
    map.on('moveend resize', this.draw, this)
    this.draw()
    return this
  }

  override onRemove(map: L.Map): this {
    map.off('moveend resize', this.draw, this)
    this.canvas?.remove()
    this.canvas = null
    return this
  }

  private draw(): void {
    const map = this._map
    const canvas = this.canvas
    if (!map || !canvas) return
    const size = map.getSize()
    const ratio = window.devicePixelRatio || 1
    canvas.width = size.x * ratio
    canvas.height = size.y * ratio
    canvas.style.width = `${size.x}px`
    canvas.style.height = `${size.y}px`
    // the canvas covers the view: placed at the view's top left within the moving map pane
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]))
    const ctx = canvas.getContext('2d')!
    ctx.scale(ratio, ratio)
    const { labels, bold } = this.labelsAt(map.getZoom())
    ctx.font = `${bold ? 'bold 13px' : '11px'} ${FONT}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.lineJoin = 'round'
    ctx.lineWidth = 3
    ctx.strokeStyle = 'rgba(255,255,255,0.9)'
    ctx.fillStyle = '#56657a'
    for (const l of labels) {
      const p = map.latLngToContainerPoint([l.lat, l.lng])
      if (p.x < -60 || p.y < -20 || p.x > size.x + 60 || p.y > size.y + 20) continue
      ctx.strokeText(l.text, p.x, p.y)
      ctx.fillText(l.text, p.x, p.y)
    }
  }
}
