/** The desk's one stylesheet: Zendesk's agent-workspace colours, system fonts, no framework. */
export const DESK_CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#2f3941;background:#f8f9f9}
a{color:#1f73b7;text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;align-items:center;gap:20px;height:52px;padding:0 16px;background:#03363d;color:#fff}
header.top .brand{font-weight:700;font-size:15px;color:#fff}header.top .brand span{color:#78a300}
header.top nav{display:flex;gap:4px;flex:1}header.top nav a{color:#d8dcde;padding:6px 10px;border-radius:4px}
header.top nav a.current,header.top nav a:hover{background:#17494d;color:#fff;text-decoration:none}
.clock{display:flex;align-items:center;gap:6px}.clock time{font-variant-numeric:tabular-nums;color:#fff;margin-right:4px}
.clock form{margin:0}.clock button{background:#17494d;color:#fff;border:1px solid #2f6f73;border-radius:4px;padding:4px 8px;font:inherit;font-size:12px;cursor:pointer}
.clock button:disabled{opacity:.45;cursor:not-allowed}.who{color:#d8dcde;font-size:12px}
main{padding:20px}h1{font-size:20px;margin:0 0 12px}
table.list{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dcde;border-radius:4px}
table.list th{text-align:left;font-size:12px;color:#68737d;font-weight:600;padding:8px 10px;border-bottom:1px solid #d8dcde;white-space:nowrap}
table.list td{padding:7px 10px;border-bottom:1px solid #e9ebed;white-space:nowrap}table.list tr:hover td{background:#f3f8fc}
table.list td.subject{white-space:normal;max-width:320px}
.badge{display:inline-block;min-width:18px;padding:1px 6px;border-radius:3px;font-size:11px;font-weight:700;color:#fff;text-align:center}
.st-new{background:#ffb648;color:#703815}.st-open{background:#e34f32}.st-pending{background:#3091ec}.st-hold{background:#2f3941}.st-solved,.st-closed{background:#87929d}
.pri-urgent{color:#cc3340;font-weight:700}.pri-high{color:#c96400;font-weight:600}
.sla{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;border:1px solid}
.sla-on_track{color:#038153;border-color:#aecfc2}.sla-due_soon{color:#ad5918;border-color:#ffb057}.sla-breached{color:#fff;background:#cc3340;border-color:#cc3340}
.sla-paused{color:#68737d;border-color:#c2c8cc}.sla-met{color:#68737d;border-color:#c2c8cc}
.muted{color:#87929d}.hint{color:#68737d;font-size:13px;margin:0 0 12px}
.ticket{display:grid;grid-template-columns:250px minmax(0,1fr) 330px;gap:0;height:calc(100vh - 52px)}
.props{background:#fff;border-right:1px solid #d8dcde;padding:14px;overflow:auto}
.props label{display:block;font-size:12px;font-weight:600;color:#49545c;margin:10px 0 3px}
.props select,.props input{width:100%;padding:5px 6px;border:1px solid #c2c8cc;border-radius:4px;font:inherit;background:#fff}
.props .readonly{padding:4px 0}.center{display:flex;flex-direction:column;min-width:0}
.center h1{padding:14px 18px 10px;margin:0;background:#fff;border-bottom:1px solid #d8dcde}
.conversation{flex:1;overflow:auto;padding:14px 18px}
.event{margin:0 0 12px}.comment{background:#fff;border:1px solid #d8dcde;border-radius:6px;padding:10px 12px}
.comment.internal{background:#fff6e5;border-color:#ffd424}.comment .meta{font-size:12px;color:#68737d;margin-bottom:4px}
.comment .meta b{color:#2f3941}.comment .body{white-space:pre-wrap}.tag-internal{color:#ad5918;font-weight:600}
.system{font-size:12px;color:#68737d;padding-left:12px;border-left:2px solid #d8dcde}
.composer{background:#fff;border-top:1px solid #d8dcde;padding:10px 18px}
.composer textarea{width:100%;min-height:70px;border:1px solid #c2c8cc;border-radius:4px;padding:8px;font:inherit;resize:vertical}
.composer.internal textarea{background:#fff6e5}.composer .row{display:flex;gap:8px;align-items:center;margin-top:8px}
.composer select{padding:5px;border:1px solid #c2c8cc;border-radius:4px;font:inherit}
button.primary{background:#1f73b7;color:#fff;border:0;border-radius:4px;padding:7px 16px;font:inherit;font-weight:600;cursor:pointer}
button.primary:disabled{opacity:.6}.notice{font-size:13px;margin-left:auto}.notice.error{color:#cc3340}.notice.ok{color:#038153}
.apps{background:#fff;border-left:1px solid #d8dcde;overflow:auto}.apps h2{font-size:13px;margin:0;padding:12px 14px;border-bottom:1px solid #e9ebed}
.apps iframe{display:block;width:100%;height:240px;border:0}
.mail{background:#fff;border:1px solid #d8dcde;border-radius:6px;padding:10px 14px;margin-bottom:10px}
.mail .meta{font-size:12px;color:#68737d}.mail h3{font-size:15px;margin:4px 0}.mail pre{white-space:pre-wrap;font:inherit;margin:6px 0 0;color:#49545c}
.nav-app{height:calc(100vh - 52px)}.nav-app iframe{width:100%;height:100%;border:0;background:#fff}
`;
