import type { APIRoute } from 'astro';
import { site } from '../site/load.ts';

// The home page's search index and view-time status data (see lib/client-index.ts).
export const GET: APIRoute = () => Response.json(site().index);
