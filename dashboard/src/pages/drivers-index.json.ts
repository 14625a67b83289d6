import type { APIRoute } from 'astro';
import { buildClientIndex } from '../lib/client-index.ts';
import { site } from '../site/load.ts';

// The home page's search index and view-time status data (see lib/client-index.ts).
export const GET: APIRoute = () => {
  const { model, settings } = site();
  return Response.json(buildClientIndex(model, settings.now, settings.staleDays));
};
