/** The in-page panel's CSS, scoped by its shadow root so the ERP's styles cannot reach it (nor ours leak out). */
export const PANEL_CSS = `
:host { all: initial; }
.card { position: fixed; top: 72px; right: 16px; z-index: 2147483646; width: 380px; max-height: calc(100vh - 96px);
  overflow: auto; box-sizing: border-box; background: #fff; color: #1f2933; border: 1px solid #cbd2d9; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(15, 23, 42, .18); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.head { display: flex; align-items: center; gap: 8px; padding: 10px 14px; border-bottom: 1px solid #e4e7eb; font-weight: 600; }
.head .title { flex: 1; }
.body { padding: 12px 14px; display: grid; gap: 10px; }
.badge { font-size: 11px; font-weight: 700; letter-spacing: .04em; padding: 2px 7px; border-radius: 999px; }
.badge.demo { background: #fde68a; color: #713f12; }
.badge.sandbox { background: #bfdbfe; color: #1e3a8a; }
.badge.production { background: #bbf7d0; color: #14532d; }
.badge.cancelled { background: #fecaca; color: #7f1d1d; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #9aa5b1; background: #f5f7fa; color: #1f2933; padding: 6px 12px; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; font-weight: 600; }
button.danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
button:disabled { opacity: .45; cursor: not-allowed; }
button.copy { flex: none; white-space: nowrap; padding: 1px 8px; font-size: 11px; }
button.link { border: 0; background: none; color: #1d4ed8; padding: 0; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
dl { display: grid; grid-template-columns: 88px 1fr; gap: 4px 10px; margin: 0; }
dt { color: #616e7c; }
dd { margin: 0; overflow-wrap: anywhere; display: flex; gap: 6px; align-items: flex-start; justify-content: space-between; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.issues { margin: 0; padding: 0; list-style: none; display: grid; gap: 6px; }
.issue { border-left: 3px solid #b91c1c; background: #fef2f2; padding: 6px 8px; border-radius: 4px; }
.issue.warning { border-color: #d97706; background: #fffbeb; }
.issue .path { font-family: ui-monospace, monospace; font-size: 11px; color: #52606d; }
.issue .hint { color: #52606d; }
.ok { color: #166534; font-weight: 600; }
.muted { color: #616e7c; }
.error { border: 1px solid #fca5a5; background: #fef2f2; color: #7f1d1d; padding: 8px 10px; border-radius: 6px; }
.error .hint { color: #52606d; margin-top: 4px; }
.qr { display: flex; justify-content: center; }
.progress { display: flex; gap: 10px; align-items: center; }
.spinner { width: 16px; height: 16px; border: 2px solid #cbd2d9; border-top-color: #1d4ed8; border-radius: 50%; animation: spin .8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
select, textarea, input { font: inherit; width: 100%; box-sizing: border-box; border: 1px solid #9aa5b1; border-radius: 6px; padding: 5px; }
label { display: grid; gap: 3px; color: #3e4c59; }
.group { display: grid; gap: 10px; }
[aria-invalid="true"] { border-color: #b91c1c; }
[hidden] { display: none !important; }
`;
