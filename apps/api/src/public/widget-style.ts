/**
 * The widget's whole style, inline in its page. Every rule hangs off `.hl-w` so that the script
 * variant, which moves the same markup into a shadow root on another site, looks the same there
 * and neither side's rules reach the other. Colours pass WCAG AA on white. On a phone the
 * verdict pill goes under the rate: the spacing tightens so the whole widget stays in its frame.
 */
export const WIDGET_CSS = `
.hl-w{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 14px;max-width:420px;text-align:left}
.hl-w *{box-sizing:border-box}
.hl-w p,.hl-w figure{margin:0}
.hl-w a{color:#0b57d0}
.hl-a{display:flex;align-items:center;gap:8px;font-size:13px;font-weight:600;color:#0b3a6e;margin-bottom:6px}
.hl-a img{width:28px;height:28px;object-fit:contain;flex:none}
.hl-w h2{font-size:17px;line-height:1.3;margin:0 0 8px}
.hl-k,.hl-m{font-size:13px;color:#424a53}
.hl-r{display:flex;align-items:center;flex-wrap:wrap;gap:4px 10px;margin:2px 0}
.hl-r strong{font-size:32px;line-height:1.15}
.hl-p{padding:2px 8px;border-radius:999px;font-size:13px;font-weight:700;background:#dafbe1;color:#116329}
.hl-p.no{background:#ffebe9;color:#a40e26}
.hl-p.few{background:#eaeef2;color:#424a53}
.hl-w figure{margin:10px 0 4px}
.hl-w svg{display:block;width:100%;height:56px}
.hl-w figcaption{font-size:12px;color:#424a53}
.hl-w details{font-size:13px;margin:4px 0 8px}
.hl-w summary{cursor:pointer;color:#0b57d0;padding:4px 0}
.hl-w table{border-collapse:collapse;width:100%}
.hl-w th,.hl-w td{padding:2px 4px;text-align:right;border-bottom:1px solid #eaeef2;font-weight:400}
.hl-w th:first-child{text-align:left}
.hl-w thead th{font-weight:600}
.hl-l{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
.hl-l a{padding:6px 0}
.hl-v{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:400px){.hl-a,.hl-w h2{margin-bottom:4px}.hl-r{gap:2px 8px}.hl-w figure{margin:6px 0 2px}.hl-w svg{height:44px}.hl-l a{padding:4px 0}}
`
  .trim()
  .replace(/\n/g, '');
