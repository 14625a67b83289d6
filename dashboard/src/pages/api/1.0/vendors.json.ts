import type { APIRoute } from 'astro';
import { apiVendors } from '../../../lib/api.ts';
import { site } from '../../../site/load.ts';

export const GET: APIRoute = () => Response.json(apiVendors(site().model));
