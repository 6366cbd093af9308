import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { mountApiDocs } from './lib/api-docs.js';
import { AppError } from './lib/app-error.js';
import { forwardedEntry } from './lib/client-ip.js';
import { createRouter, handleError, type AppEnv, type Deps } from './lib/http.js';
import {
  bearerAuth,
  csrfProtection,
  noteActor,
  provideDeps,
  requireSession,
  sessionAuth,
  tokenScope,
} from './lib/middleware.js';
import { roleGuard } from './lib/roles.js';
import { tenantConnection } from './lib/tenant-connection.js';
import { strictUtf8 } from './lib/strict-utf8.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { twoFactorRoutes } from './modules/accounts/two-factor.routes.js';
import { signupRoutes } from './modules/accounts/signup.routes.js';
import { teamRoutes } from './modules/accounts/team.routes.js';
import { careRoutes } from './modules/care/care.routes.js';
import { authenticate } from './modules/accounts/accounts.service.js';
import { clientRoutes } from './modules/clients/clients.routes.js';
import { commitmentRoutes } from './modules/commitments/commitments.routes.js';
import { calendarFeed } from './modules/insights/calendar-feed.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { exportRoutes } from './modules/exports/exports.routes.js';
import { authenticateToken } from './modules/tokens/tokens.service.js';
import { takeHit } from './modules/limits/limits.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { tokenRoutes } from './modules/tokens/tokens.routes.js';
import { webhookRoutes } from './modules/webhooks/webhooks.routes.js';
import { shareTarget } from './modules/imports/chat-import.routes.js';
import { greetingRoutes } from './modules/greetings/greetings.routes.js';
import { insightRoutes } from './modules/insights/insights.routes.js';
import { interactionRoutes } from './modules/interactions/interactions.routes.js';
import { messageRoutes } from './modules/messages/messages.routes.js';
import { paymentRoutes } from './modules/payments/payments.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { quoteRoutes } from './modules/quotes/quotes.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { createMetrics } from './ops/metrics.js';
import { createLifecycle, readiness, requestLog, type Lifecycle } from './ops/ops.js';

export const API_VERSION = '0.1.0';

const PUBLIC_ROUTES = new Set([
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/second-step',
  'GET /api/v1/openapi.json',
  'GET /api/v1/ready',
  'POST /api/v1/signup',
  'POST /api/v1/auth/confirm-email',
  'POST /api/v1/auth/forgot-password',
  'POST /api/v1/auth/reset-password',
  'POST /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
]);

/** The whole HTTP surface: the JSON API under /api/v1 and the web app (static build) for the rest. */
export function createApp(deps: Deps, ops: { lifecycle?: Lifecycle } = {}) {
  const lifecycle = ops.lifecycle ?? createLifecycle();
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);
  const metrics = deps.config.metricsToken ? createMetrics(deps, deps.config.metricsToken) : null;
  app.use('*', requestLog(deps, metrics?.observe));
  app.use('*', provideDeps(deps));
  app.use('*', securityHeaders(deps));

  const api = createRouter();
  const defaultBodyLimit = limitBody(1024 * 1024);
  // Imports carry files (up to 20 MB) and their rows: their routes set their own limits.
  // Text bodies are read here once, strictly, after the limit: imports read theirs after their own.
  const strict = strictUtf8();
  api.use('*', (c, next) =>
    c.req.path.startsWith('/api/v1/imports/') ? next() : defaultBodyLimit(c, async () => void (await strict(c, next))),
  );
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Liveness: the process answers (no database call, so a slow database does not get it restarted).
  api.get('/health', (c) => c.json({ status: 'ok', version: API_VERSION, database: deps.db.dialect }));
  // Readiness: the database answers, migrations are done, the process is not draining (decision 014).
  api.get('/ready', async (c) => {
    const ready = await readiness(deps, lifecycle);
    return c.json(ready, ready.status === 'ready' ? 200 : 503);
  });
  api.use('*', sessionAuth(authenticate));
  api.use('*', bearerAuth(authenticateToken));
  api.use('*', csrfProtection());
  api.use('*', requireSession(PUBLIC_ROUTES));
  api.use('*', tokenScope());
  api.use('*', tokenRateLimit());
  api.use('*', noteActor());
  api.use('*', roleGuard('/api/v1', PUBLIC_ROUTES));
  api.use('*', tenantConnection(PUBLIC_ROUTES));
  api.route('/', accountRoutes);
  api.route('/', twoFactorRoutes);
  api.route('/', signupRoutes);
  api.route('/', teamRoutes);
  api.route('/', clientRoutes);
  api.route('/', interactionRoutes);
  api.route('/', commitmentRoutes);
  api.route('/', messageRoutes);
  api.route('/', insightRoutes);
  api.route('/', quoteRoutes);
  api.route('/', projectRoutes);
  api.route('/', paymentRoutes);
  api.route('/', searchRoutes);
  api.route('/', careRoutes);
  api.route('/', greetingRoutes);
  api.route('/', importRoutes);
  api.route('/', exportRoutes);
  api.route('/', tokenRoutes);
  api.route('/', webhookRoutes);
  api.route('/', auditRoutes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mila API',
      version: API_VERSION,
      description: 'Client relationships for freelancers: every promise kept.',
    },
    servers: [{ url: '/api/v1' }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'mila_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token from Settings (mila_…); read-only tokens may only GET.',
  });
  api.all('*', () => {
    throw new AppError('not_found');
  });
  app.route('/api/v1', api);
  app.all('/api/*', () => {
    throw new AppError('not_found');
  });

  // The client's pages (quote acceptance): server-rendered, the token in the path is the credential.
  app.use('/q/*', limitBody(64 * 1024), strictUtf8());
  app.route('/q', portalRoutes);

  // The private calendar feed: the unguessable token in the path is the credential.
  app.get('/feeds/calendar/:file', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const body = await calendarFeed(deps, token);
    if (body === null) throw new AppError('not_found');
    c.header('Cache-Control', 'private, max-age=300');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });

  mountApiDocs(app, authenticate);
  // The phone's share sheet posts an exported WhatsApp chat here (Web Share Target, decision 012).
  app.use('/share-target', sessionAuth(authenticate), roleGuard(''), limitBody(21 * 1024 * 1024));
  app.post('/share-target', shareTarget);
  // Off unless MILA_METRICS_TOKEN is set (decision 014): a 404 like any unknown path then.
  app.get('/metrics', (c) => (metrics ? metrics.handle(c) : c.text('Not found', 404)));

  mountWebApp(app, deps.config.webDir);
  return app;
}

/**
 * A personal API token may make 600 requests a minute (10 a second, plenty for a sync script), counted
 * in the database so several processes share it; past that 429 with Retry-After until the minute ends.
 * Sessions are not limited here: a person in a browser does not send that many.
 */
const API_TOKEN_LIMIT = { name: 'api-token', limit: 600, windowMs: 60_000 };

function tokenRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tokenId = c.get('auth')?.tokenId;
    if (tokenId) {
      const decision = await takeHit(c.get('deps'), API_TOKEN_LIMIT, tokenId);
      if (!decision.allowed)
        throw new AppError('rate_limited', {
          params: { seconds: decision.retryAfterSeconds },
          headers: { 'Retry-After': String(decision.retryAfterSeconds) },
        });
    }
    await next();
  };
}

/**
 * Refuses a body over `maxSize` with 413 and says `Connection: close`: the unread rest of the body
 * would otherwise be taken for the next request on the socket (or the socket dropped under it), so
 * the client's keep-alive pool opens a fresh connection for the next request instead.
 */
function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', { headers: { Connection: 'close' } });
    },
  });
}

/**
 * Powerful features Mila never uses are off for the app and anything injected into it (ASVS
 * V3.4.x). What it does use stays on for its own origin: copy buttons (clipboard-write) and the
 * share sheet. File pickers and the PWA share target are not governed by this header.
 */
const PERMISSIONS_POLICY = {
  camera: [],
  microphone: [],
  geolocation: [],
  displayCapture: [],
  payment: [],
  usb: [],
  serial: [],
  hid: [],
  bluetooth: [],
  midi: [],
  accelerometer: [],
  gyroscope: [],
  magnetometer: [],
  idleDetection: [],
  browsingTopics: [],
  clipboardRead: [],
  clipboardWrite: ['self'],
  webShare: ['self'],
  fullscreen: ['self'],
};

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    // Mantine sets CSS variables through style attributes.
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    // Framing is refused here alone (ASVS 5 V3.4.6); X-Frame-Options is not sent, so the two cannot disagree.
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
  },
  xFrameOptions: false,
  // Sent below only when the request came over https (a browser ignores it over http anyway, and
  // a plain-http install must not pin itself).
  strictTransportSecurity: false,
  referrerPolicy: 'same-origin',
  permissionsPolicy: PERMISSIONS_POLICY,
});

/**
 * Security headers for every answer. The client's pages (`/q/…`, the token in the path is the
 * credential) never send a referrer; HSTS only over https, as seen directly or from a trusted proxy.
 */
function securityHeaders(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await headers(c, next);
    if (c.req.path.startsWith('/q/')) c.res.headers.set('Referrer-Policy', 'no-referrer');
    const forwarded = forwardedEntry(c.req.header('x-forwarded-proto'), deps.config.trustProxy);
    const https = (forwarded ?? new URL(c.req.url).protocol.replace(':', '')) === 'https';
    if (https) c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

/** Serves the built web app; any unknown path gets index.html so client-side routes deep-link. */
const UNHASHED_APP_FILES = new Set(['/sw.js', '/registerSW.js', '/manifest.webmanifest']);

function mountWebApp(app: OpenAPIHono<AppEnv>, webDir: string) {
  if (fs.existsSync(webDir)) {
    // Vite puts a content hash in every asset name, so assets can be cached for good.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The service worker, its registration and the manifest keep their names across builds: the
    // browser must ask again each time, or a phone keeps an old app shell.
    app.use('*', async (c, next) => {
      await next();
      if (UNHASHED_APP_FILES.has(c.req.path) && c.res.status === 200) c.header('Cache-Control', 'no-cache');
    });
    app.use('*', serveStatic({ root: webDir, index: 'index.html' }));
  }
  // An asset that is not there is a 404, never index.html (which would be cached for a year).
  app.all('/assets/*', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.text('Not found', 404);
  });
  app.get('*', (c) => {
    const index = path.join(webDir, 'index.html');
    if (!fs.existsSync(index)) return c.text('The web app is not built yet: run `npm run build:web`.', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
