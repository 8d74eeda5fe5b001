// Styles of the in-page UI, applied inside its shadow root only: the page's CSS cannot reach in and
// ours cannot leak out.
export const PAGE_UI_CSS = `
:host { all: initial; }
.layer { position: fixed; z-index: 2147483647; font: 14px/1.5 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #1f2328; }
.toolbar { display: flex; gap: 4px; padding: 4px; background: #1f2328; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.toolbar button { background: transparent; color: #fff; border: 0; padding: 4px 10px; border-radius: 4px; cursor: pointer; font: inherit; }
.toolbar button:hover, .toolbar button:focus-visible { background: #3d444d; }
.panel { width: 340px; max-height: calc(100vh - 16px); box-sizing: border-box; overflow: auto; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 12px; }
.card { width: 300px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: 8px 10px; }
.card .comment { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 4px; }
.clamped { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 6; overflow: hidden; }
.card.offer { width: auto; max-width: 480px; }
.offer p { margin: 0 0 6px; }
.offer .actions { flex-wrap: nowrap; margin-top: 4px; }
.card .review { border-top: 1px solid #eee; margin-top: 6px; padding-top: 4px; color: #0a5ec2; }
.quote { margin: 0 0 8px; padding: 4px 8px; border-left: 3px solid #d4a72c; color: #57606a; max-height: 6em; overflow: auto; }
label { display: block; margin: 6px 0 2px; font-weight: 600; }
input:not([type=radio]), textarea, select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 4px 6px; border: 1px solid #d0d7de; border-radius: 4px; font-weight: normal; }
.hint { display: block; font-weight: normal; font-size: 12px; color: #57606a; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0; }
.tag { font: inherit; font-size: 12px; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 10px; padding: 0 8px; cursor: pointer; }
.tag.chosen { background: #ddf4ff; border-color: #54aeff; }
.colours { border: 0; padding: 0; margin: 6px 0; display: flex; gap: 6px; align-items: center; }
.colours legend { font-weight: 600; float: left; margin-right: 6px; }
.swatch { width: 22px; height: 22px; border-radius: 50%; margin: 0; display: inline-flex; align-items: center; justify-content: center; border: 1px solid #d0d7de; }
.swatch input { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
/* Save stays in sight however long the form grows: the panel scrolls, the buttons do not. */
.panel .actions { position: sticky; bottom: -12px; background: #fff; margin: 8px -12px -12px; padding: 8px 12px 12px; border-top: 1px solid #eee; }
.label-row { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.counter { font-weight: normal; font-size: 12px; color: #57606a; font-variant-numeric: tabular-nums; }
.counter.over { color: #b42318; font-weight: 600; }
.error { color: #b42318; margin: 6px 0 0; }
.actions button:disabled, .actions button[aria-disabled=true] { opacity: .6; cursor: default; }
.actions button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #d0d7de; background: #f6f8fa; cursor: pointer; }
.actions button[type=submit] { background: #1f883d; border-color: #1f883d; color: #fff; }
.actions .danger { margin-left: auto; color: #b42318; }
.notice { padding: 6px 10px; background: #1f2328; color: #fff; border-radius: 6px; }
`;
