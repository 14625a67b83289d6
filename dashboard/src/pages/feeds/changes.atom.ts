import type { APIRoute } from 'astro';
import { site } from '../../site/load.ts';
import { feedResponse } from '../../site/feeds.ts';

// Every driver's status changes, newest first.
export const GET: APIRoute = () =>
  feedResponse(
    { path: 'feeds/changes.atom', title: 'DriverLog: driver status changes', page: '' },
    site().events,
  );
