// GET /: a placeholder page saying the server runs (zh-CN first, then English) until the dashboard
// arrives. It shows no user-supplied text, so there is nothing to escape yet.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

const HOME_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>学迹 StudyTrail</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6}</style>
</head>
<body>
<h1>学迹 StudyTrail</h1>
<p>学迹服务器正在运行。管理页面将在后续版本中提供。</p>
<p lang="en">The StudyTrail server is running. The dashboard comes in a later version.</p>
<p><a href="/api/health">/api/health</a></p>
</body>
</html>
`;

export function homePage() {
  return new Hono<AppEnv>().get('/', (c) => c.html(HOME_PAGE));
}
