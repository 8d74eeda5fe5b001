// createApp(deps): the whole HTTP application, without a socket or a file. main.ts serves it; tests
// serve it on a free port.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ERROR_CODES } from '../shared/schemas/errors.ts';
import { ApiError } from './http/api-error.ts';
import type { AppDeps, AppEnv } from './http/app-env.ts';
import { errorResponse, notFoundResponse } from './http/error-response.ts';
import { clientInfoMiddleware } from './http/client-info.ts';
import { authRoutes } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { peopleRoutes } from './routes/people.ts';
import { personDataRoutes } from './routes/person-data.ts';
import { policyRoutes } from './routes/policy.ts';
import { resourceRoutes } from './routes/resources.ts';
import { syncRoutes } from './routes/sync.ts';
import { unitRoutes } from './routes/units.ts';
import { xapiRoutes } from './routes/xapi.ts';
import { annualRecordRoutes } from './routes/annual-records.ts';
import { attendanceRoutes } from './routes/attendance.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { planRoutes } from './routes/plans.ts';
import { programmeSettingsRoutes } from './routes/programme-settings.ts';
import { researchRoutes } from './routes/research.ts';
import { sessionRoutes } from './routes/sessions.ts';

/**
 * Large enough for a full sync batch (500 segments with long URLs and titles), small enough that a
 * stray upload cannot exhaust memory.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Extensions call the API from their own origins; web pages get no CORS access at all. */
function extensionOrigin(origin: string): string | null {
  return /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/.test(origin) ? origin : null;
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.notFound(notFoundResponse);
  app.use('*', clientInfoMiddleware(deps.config.trustProxy ?? false));

  app.use(
    '/api/*',
    cors({
      origin: extensionOrigin,
      allowHeaders: ['Authorization', 'Content-Type'],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      maxAge: 600,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, ERROR_CODES.bodyTooLarge, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  return app
    .route('/api/health', healthRoutes())
    .route('/api/auth', authRoutes(deps))
    .route('/api/me', meRoutes(deps))
    .route('/api/units', unitRoutes(deps))
    .route('/api/people', peopleRoutes(deps))
    .route('/api/people', personDataRoutes(deps))
    .route('/api/resources', resourceRoutes(deps))
    .route('/api/policy', policyRoutes(deps))
    .route('/api/sync', syncRoutes(deps))
    .route('/api', xapiRoutes(deps))
    // The learning programme (issue 7).
    .route('/api/programme/settings', programmeSettingsRoutes(deps))
    .route('/api/calendar', calendarRoutes(deps))
    .route('/api/sessions', sessionRoutes(deps))
    .route('/api', attendanceRoutes(deps))
    .route('/api', planRoutes(deps))
    .route('/api/research', researchRoutes(deps))
    .route('/api/annual-records', annualRecordRoutes(deps))
    // Last: every other GET is the dashboard (its files, or the app for a deep link).
    .route('/', dashboardRoutes());
}
