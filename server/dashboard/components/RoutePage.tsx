// Picks the page for a route, after the role check (the server checks again on every call).
import { useApp } from '../app/context.ts';
import type { Route } from '../models/router.ts';
import { AdminPage } from './admin/AdminPage.tsx';
import { NotesReviewPage } from './notes/NotesReviewPage.tsx';
import { OverviewPage } from './overview/OverviewPage.tsx';
import { PersonPage } from './person/PersonPage.tsx';
import { Empty } from './States.tsx';
import { AnnualRecordPage } from './programme/AnnualRecordPage.tsx';
import { AnnualSummaryPage } from './programme/AnnualSummaryPage.tsx';
import { BulletinPage } from './programme/BulletinPage.tsx';
import { CalendarPage } from './programme/CalendarPage.tsx';
import { CheckInPage } from './programme/CheckInPage.tsx';
import { PlanPage } from './programme/PlanPage.tsx';
import { ResearchPage } from './programme/ResearchPage.tsx';
import { SessionPage } from './programme/SessionPage.tsx';

export function RoutePage({ route, allowed }: { route: Route; allowed: boolean }) {
  const { t, user } = useApp();
  if (!allowed) return <Empty title={t('error.forbidden')} hint={t('error.forbiddenHint')} />;
  switch (route.name) {
    case 'overview':
      return <OverviewPage unitId={route.unitId} />;
    case 'person':
      return <PersonPage personId={route.personId} />;
    case 'me':
      return <PersonPage personId={user.id} />;
    case 'notes':
      return <NotesReviewPage />;
    case 'admin':
      return <AdminPage tab={route.tab} />;
    case 'plan':
      return <PlanPage personId={route.personId ?? user.id} />;
    case 'calendar':
      return <CalendarPage />;
    case 'session':
      return <SessionPage sessionId={route.sessionId} />;
    case 'check-in':
      return <CheckInPage />;
    case 'bulletin':
      return <BulletinPage unitId={route.unitId} />;
    case 'research':
      return <ResearchPage />;
    case 'annual':
      return <AnnualRecordPage personId={route.personId ?? user.id} />;
    case 'annual-summary':
      return <AnnualSummaryPage />;
    case 'home':
    case 'not-found':
      return <Empty title={t('error.pageNotFound')} />;
  }
}
