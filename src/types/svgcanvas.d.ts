// svgcanvas ships no types. Only the part of its API the chart script uses is declared: a
// CanvasRenderingContext2D look-alike that records drawing as SVG elements.
declare module 'svgcanvas' {
  export interface ContextOptions {
    width: number;
    height: number;
    /** A real 2D context used only for measureText, shared so each chart costs no canvas. */
    ctx?: CanvasRenderingContext2D;
  }
  export class Context {
    constructor(options: ContextOptions);
    readonly canvas: Context;
    width: number;
    height: number;
    getSvg(): SVGSVGElement;
  }
}
