import type { APIRoute } from 'astro';
import { apiDrivers } from '../../../lib/api.ts';
import { site } from '../../../site/load.ts';

export const GET: APIRoute = () => Response.json(apiDrivers(site().model));
