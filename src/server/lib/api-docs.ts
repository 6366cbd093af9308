import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http.js';
import type { Authenticate } from './middleware.js';
import { readSessionCookie } from './session-cookie.js';

/** Swagger UI's files, from node_modules: nothing is loaded from outside. */
const distDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

/** Our initializer as a file (the CSP allows no inline script): the document is Mila's own. */
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    validatorUrl: null,
    withCredentials: true,
  });
});
`;

const page = (lang: string) => `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mila API</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/swagger-ui-standalone-preset.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>`;

/**
 * The interactive API reference at /api-docs, behind sign-in (a visitor without a session is sent
 * to the sign-in page and back). Swagger UI fits the app's CSP: its scripts are files of our origin.
 */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, authenticate: Authenticate): void {
  app.get('/api-docs', async (c) => {
    const token = readSessionCookie(c);
    const auth = token ? await authenticate(c.get('deps'), token) : null;
    if (!auth) return c.redirect(`/login?redirect=${encodeURIComponent('/api-docs')}`, 303);
    c.header('Cache-Control', 'no-store');
    return c.html(page(auth.userLocale));
  });
  app.get('/api-docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/api-docs/:file', (c) => {
    const file = c.req.param('file');
    const type = FILES[file];
    if (!type) return c.text('Not found', 404);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(fs.readFileSync(path.join(distDir, file)), 200, { 'Content-Type': type });
  });
}
