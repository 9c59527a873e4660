/**
 * The page's CSS as strings, so the Node server and the Worker serve the
 * same bytes without a file system. Colours keep a contrast of at least
 * 4.5:1 against their backgrounds; focus is always visible.
 */
const BASE = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--panel:#f4f5f7;--line:#c8ccd2;--accent:#0b57d0;--ok:#0a6b2e;--bad:#a8071a;--warn:#7a4d00;--mark:#fff2a8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
main:focus{outline:none}
pre{background:var(--panel);padding:.75rem;overflow:auto;font-size:.85rem;border-radius:4px}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
`;

export const APP_CSS = `${BASE}
.skip-link{position:absolute;left:1rem;top:-4rem;background:#fff;padding:.5rem;z-index:9}.skip-link:focus{top:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:.75rem 0}
nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
label.inline{display:flex;gap:.5rem;align-items:center;font-weight:400}
input[type=text],input[type=date],textarea,select{width:100%;max-width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px;background:#fff;color:var(--fg)}
input[type=file]{max-width:100%;font:inherit}
textarea{min-height:10rem;resize:vertical}
[aria-invalid=true]{border-color:var(--bad);border-width:2px}
.hint{color:var(--muted);font-size:.9rem;margin:.25rem 0;font-weight:400}
button,a.button{font:inherit;padding:.55rem 1.1rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,a.button.secondary{background:#fff;color:var(--accent)}
button[disabled]{opacity:.6;cursor:progress}
[hidden]{display:none!important}
.actions,.toolbar{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}
.toolbar label{margin:0}.toolbar select{width:auto}
.drop{border:2px dashed var(--line);border-radius:6px;padding:.75rem 1rem;margin-bottom:1rem}
.drop.dragging{border-color:var(--accent);background:#eef3fd}
.drop label{margin-top:0}
.notice{border-left:4px solid var(--accent);background:#eef3fd;padding:.5rem 1rem;margin:1rem 0}
.error{border-left:4px solid var(--bad);background:#fdecee;color:var(--bad);padding:.75rem 1rem;margin:1rem 0}
.error:empty,.status:empty,.notice:empty{display:none}
.status{color:var(--muted);margin:1rem 0}
fieldset.filters{border:1px solid var(--line);border-radius:6px;margin:1rem 0 0;padding:.5rem 1rem 1rem;min-width:0}
.filter-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 1rem}
.result{border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1rem 0}
.result h3{margin:0 0 .25rem;font-size:1.15rem}
.venue{color:var(--muted);margin:0 0 .5rem}
.fit{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem;margin:.5rem 0}
meter{flex:1;max-width:20rem;min-width:6rem;height:1rem}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:999px;font-size:.85rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge.open,.badge.in_scope{color:var(--ok)}.badge.closed,.badge.withdrawn,.badge.out_of_scope{color:var(--bad)}.badge.unknown,.badge.borderline,.badge.closing_soon{color:var(--warn)}
ul.checks,ul.topics{padding-left:1.1rem;margin:.25rem 0}
.checks .bad{color:var(--bad)}.checks .ok{color:var(--ok)}
mark{background:var(--mark);color:inherit;padding:0 .1rem;border-bottom:2px solid var(--warn)}
.draft{background:var(--panel);padding:.25rem .75rem;border-radius:4px}
.explain{margin-top:.5rem}
.empty{border:1px solid var(--line);border-left:4px solid var(--warn);border-radius:6px;padding:.5rem 1rem 1rem;margin:1rem 0}
.empty h2{font-size:1.2rem;margin:.5rem 0}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.fields dt{font-weight:600}
ul.call-list{padding-left:1.1rem}.call-list li{margin:.5rem 0}.call-list .is-closed>a{color:var(--muted)}
.pager{display:flex;gap:1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.4rem;text-align:left;vertical-align:top}
table.verdicts{table-layout:fixed}
table.verdicts th:nth-child(1){width:38%}table.verdicts th:nth-child(2){width:9.5rem}table.verdicts th:nth-child(3){width:6rem}
table.verdicts summary{cursor:pointer;font-weight:600}
table.verdicts .more{font-weight:400}
@media (max-width:37.5rem){
body{font-size:15px}dl.fields{grid-template-columns:1fr}
table.verdicts,table.verdicts tbody,table.verdicts tr,table.verdicts th,table.verdicts td{display:block;width:auto!important}
table.verdicts thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.verdicts tr{border:1px solid var(--line);border-radius:6px;margin:.75rem 0;padding:.5rem}
table.verdicts td,table.verdicts th{border:0;padding:.2rem 0}
table.verdicts td::before{content:attr(data-label) ": ";font-weight:600}
}
`;

export const DOCS_CSS = `${BASE}
.op{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.op h2{font-size:1.1rem}.op h3{font-size:1rem;margin:.5rem 0 0}
.method{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;padding:.1rem .4rem;font-size:.85rem}
.method-get{background:#0b57d0}.method-post{background:#0a6b2e}.method-delete{background:#a8071a}
`;
