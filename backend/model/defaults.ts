// What DriverLog reads when it is not told otherwise: every command and the dashboard take these from here.

/** The registry every command reads and writes unless given another (its runs file is beside it). */
export const DEFAULT_DATA_FILE = 'default_data.json';

/** The Gerrit `update`, `check-ci` and the dashboard's links speak to unless given another. */
export const DEFAULT_GERRIT_URL = 'https://review.opendev.org';
