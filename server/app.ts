// createApp(deps): the whole HTTP application, without a socket or a file. main.ts serves it; tests
// serve it on a free port. One sub-app per resource, each mounted at its own path: everything under
// /api/people/{id}/… is in routes/people.ts, under /api/units/{id}/… in routes/units.ts.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './http/app-env.ts';
import { clientInfoMiddleware } from './http/client-info.ts';
import { extensionCors } from './http/extension-cors.ts';
import { errorResponse, notFoundResponse } from './http/error-response.ts';
import { DEFAULT_LIMITS } from './limits/limits.ts';
import { memoryLimiter } from './limits/limiter.ts';
import { LoginThrottle } from './http/login-throttle.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { peopleRoutes } from './routes/people.ts';
import { policyRoutes } from './routes/policy.ts';
import { noteRoutes } from './routes/notes.ts';
import { resourceRoutes } from './routes/resources.ts';
import { settingsRoutes } from './routes/settings.ts';
import { syncRoutes } from './routes/sync.ts';
import { unitRoutes } from './routes/units.ts';
import { annualRecordRoutes } from './routes/annual-records.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { programmeSettingsRoutes } from './routes/programme-settings.ts';
import { researchRoutes } from './routes/research.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { checkInGuessLimit, checkInRoutes } from './routes/check-in.ts';
import { changeRoutes } from './routes/changes.ts';
import { closedYearRoutes } from './routes/closed-years.ts';

// Bodies are read (with the size limit) only by routes that take one: see http/json-body.ts.
export { MAX_BODY_BYTES } from './http/json-body.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.notFound(notFoundResponse);
  // Before everything else: rate limits, cookies and audit entries all ask who the client is.
  app.use('*', clientInfoMiddleware(deps.config.trustProxy ?? false));
  // Every answer, errors included: a browser must never guess a JSON or text answer to be a page or a script.
  // Set before the route runs, so the answer is built with it: set after, on the finished response, it
  // made Hono build that response again through a web stream (6% of a sync request's CPU profile).
  // Every answer is built by the context (c.json, c.body, the error handler's c.json), which adds it.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    await next();
  });

  app.use('/api/*', extensionCors());

  // The limiter lives as long as the app: in memory unless main.ts gives one that counts in the
  // database every server process shares.
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const limiter = (deps.limiter ?? memoryLimiter)(limits, deps.clock);
  const loginThrottle = new LoginThrottle(limits, limiter);
  // One count of wrong session codes for both ways to check in, so switching between them gains no guesses.
  const checkInGuesses = checkInGuessLimit();

  return app
    .route('/api/health', healthRoutes(deps))
    .route('/api/auth', authRoutes(deps, loginThrottle))
    .route('/api/me', meRoutes(deps))
    .route('/api/units', unitRoutes(deps))
    .route('/api/people', peopleRoutes(deps, loginThrottle))
    .route('/api/audit', auditRoutes(deps))
    .route('/api/resources', resourceRoutes(deps))
    .route('/api/policy', policyRoutes(deps))
    .route('/api/settings', settingsRoutes(deps))
    .route('/api/sync', syncRoutes(deps, limiter))
    .route('/api/notes', noteRoutes(deps))
    // The learning programme (issue 7).
    .route('/api/programme/settings', programmeSettingsRoutes(deps))
    .route('/api/calendar', calendarRoutes(deps))
    .route('/api/sessions', sessionRoutes(deps, checkInGuesses))
    .route('/api/check-in', checkInRoutes(deps, checkInGuesses))
    .route('/api/research', researchRoutes(deps))
    .route('/api/annual-records', annualRecordRoutes(deps))
    // Who may change what counts, and closed years (issue 15).
    .route('/api/changes', changeRoutes(deps))
    .route('/api/programme/years', closedYearRoutes(deps))
    // Last: every other GET is the dashboard (its files, or the app for a deep link).
    .route('/', dashboardRoutes());
}
