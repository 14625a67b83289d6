import type { APIRoute } from 'astro';
import { apiReleases } from '../../../lib/api.ts';
import { site } from '../../../site/load.ts';

export const GET: APIRoute = () => Response.json(apiReleases(site().model));
