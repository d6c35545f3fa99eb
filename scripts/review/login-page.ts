import { escapeHtml } from '../../src/lib/html.ts';
import { hasControl } from './http.ts';
import { loginFontCss } from './login-fonts.ts';

/** Where a sign-in may send the browser next: a path of this server, never another site. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (hasControl(next) || next.includes('\\') || next.length > 1000) return '/';
  return next;
}

// Read once: the rules name every slice of the face, each fetched only if the page needs it.
const STYLE = `${loginFontCss()}
body{font-family:"Noto Sans TC",system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}label{display:block;margin:1rem 0 .25rem}input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem}
button{font:inherit;margin-top:1.2rem;padding:.4rem 1.2rem}[role=alert]{color:#a00;border-left:3px solid #a00;padding-left:.6rem}
p.note{color:#555;font-size:.9rem}`;

/**
 * The server's own sign-in page: nothing of the copy (no title, no stage, no stylesheet of the
 * site) is on it, so it can be shown to anyone.
 */
export function loginPage(next: string, message?: string): string {
  const alert = message ? `<p role="alert">${escapeHtml(message)}</p>` : '';
  return `<!doctype html>
<html lang="zh-Hant"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><link rel="icon" href="data:,"><title>登入 Sign in</title><style>${STYLE}</style></head>
<body><main>
<h1>審閱工作區登入 <span lang="en">Sign in to review</span></h1>
${alert}
<form method="post" action="/_review/login">
<input type="hidden" name="next" value="${escapeHtml(safeNext(next))}">
<label for="name">使用者名稱 <span lang="en">Name</span></label>
<input id="name" name="name" autocomplete="username" required autofocus maxlength="100">
<label for="password">密碼 <span lang="en">Password</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
<button type="submit">登入 <span lang="en">Sign in</span></button>
</form>
<p class="note">帳戶由管理員以 <code>npm run review -- user add</code> 建立。<span lang="en">Accounts are made by an administrator with <code>npm run review -- user add</code>.</span></p>
</main></body></html>
`;
}
