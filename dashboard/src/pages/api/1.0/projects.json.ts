import type { APIRoute } from 'astro';
import { apiProjects } from '../../../lib/api.ts';
import { site } from '../../../site/load.ts';

export const GET: APIRoute = () => Response.json(apiProjects(site().model));
