/**
 * The in-page panel's CSS, scoped by its shadow root so the ERP's styles cannot reach it (nor ours
 * leak out). The panel is a side sheet docked to the right edge: the page is pushed left by the
 * sheet's width (see dock.ts), so it covers nothing. No text is smaller than 12 px.
 */
export const PANEL_CSS = `
:host { all: initial; }
.sheet { position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646; width: var(--irn-sheet-width, 380px);
  display: flex; flex-direction: column; box-sizing: border-box; background: #fff; color: #1f2933;
  border-left: 1px solid #cbd2d9; box-shadow: -4px 0 16px rgba(15, 23, 42, .10);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.sheet[hidden] { display: none !important; }
.scroll { flex: 1; overflow: auto; }
.head { display: flex; align-items: center; gap: 8px; padding: 10px 14px; border-bottom: 1px solid #e4e7eb; font-weight: 600; }
.head .title { flex: 1; font-size: 14px; }
.tab { position: fixed; right: 0; top: 40%; z-index: 2147483646; writing-mode: vertical-rl; padding: 12px 6px;
  border-radius: 8px 0 0 8px; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; font: 600 13px system-ui, sans-serif; cursor: pointer; }
.body { padding: 12px 14px; display: grid; gap: 10px; }
.badge { font-size: 12px; font-weight: 700; letter-spacing: .04em; padding: 2px 7px; border-radius: 999px; }
.badge.demo { background: #fde68a; color: #713f12; }
.badge.sandbox { background: #bfdbfe; color: #1e3a8a; }
.badge.production { background: #bbf7d0; color: #14532d; }
.badge.cancelled { background: #fecaca; color: #7f1d1d; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #9aa5b1; background: #f5f7fa; color: #1f2933; padding: 6px 12px; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; font-weight: 600; }
button.danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
button:disabled { opacity: .45; cursor: not-allowed; }
button.copy { flex: none; white-space: nowrap; padding: 2px 8px; font-size: 12px; }
button.link, button.icon { border: 0; background: none; color: #1d4ed8; padding: 0 4px; }
button.icon { font-size: 18px; line-height: 1; color: #52606d; }
:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
a { color: #1d4ed8; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
dl { display: grid; grid-template-columns: 104px 1fr; gap: 4px 10px; margin: 0; }
dt { color: #616e7c; }
dd { margin: 0; overflow-wrap: anywhere; display: flex; gap: 6px; align-items: flex-start; justify-content: space-between; }
dd.num { justify-content: flex-end; font-variant-numeric: tabular-nums; }
dd.strong { font-weight: 700; }
.breakdown { border-top: 1px solid #e4e7eb; padding-top: 8px; }
table.lines { width: 100%; border-collapse: collapse; font-size: 12px; }
table.lines th { text-align: left; color: #616e7c; font-weight: 600; border-bottom: 1px solid #e4e7eb; padding: 3px 4px; }
table.lines td { vertical-align: top; border-bottom: 1px solid #f0f2f4; padding: 4px; }
table.lines td:first-child { overflow-wrap: break-word; hyphens: manual; }
table.lines .num, table.lines th:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.issues { margin: 0; padding: 0; list-style: none; display: grid; gap: 6px; }
.issue { border-left: 3px solid #b91c1c; background: #fef2f2; padding: 6px 8px; border-radius: 4px; display: grid; gap: 3px; }
.issue.warning { border-color: #d97706; background: #fffbeb; }
.issue .path { font-family: ui-monospace, monospace; font-size: 12px; color: #616e7c; }
.issue .hint { color: #3e4c59; }
.ok { color: #166534; font-weight: 600; }
.muted { color: #616e7c; }
.error { border: 1px solid #fca5a5; background: #fef2f2; color: #7f1d1d; padding: 8px 10px; border-radius: 6px; display: grid; gap: 4px; }
.error .hint { color: #3e4c59; }
.error .path { font-family: ui-monospace, monospace; font-size: 12px; color: #616e7c; }
.qr-area { display: grid; gap: 6px; }
button.qr { display: flex; justify-content: center; padding: 0; border: 0; background: none; cursor: zoom-in; }
.overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(15, 23, 42, .55); display: flex; align-items: center; justify-content: center; }
.overlay-box { background: #fff; padding: 16px; border-radius: 8px; display: grid; gap: 10px; }
.progress { display: flex; gap: 10px; align-items: center; }
.spinner { width: 16px; height: 16px; border: 2px solid #cbd2d9; border-top-color: #1d4ed8; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
select, textarea, input { font: inherit; width: 100%; box-sizing: border-box; border: 1px solid #9aa5b1; border-radius: 6px; padding: 5px; }
label { display: grid; gap: 3px; color: #3e4c59; }
.group { display: grid; gap: 10px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[aria-invalid="true"] { border-color: #b91c1c; }
[hidden] { display: none !important; }
`;
