// Two mapping tables of our own: the second has a two-row header whose group cell spans two columns,
// a back end the first table does not list, and a column that repeats one of the first table.
export const MAPPING = String.raw`Share back ends
===============

Mapping of share drivers and share features support
---------------------------------------------------

+----------------+-----------------+--------------------+
|  Driver name   |  extend share   | revert to snapshot |
+================+=================+====================+
|  Acme NAS      |        K        |    NFS (M)         |
+----------------+-----------------+--------------------+
|  Zeta FS       |       \-        |        ?           |
|                |                 |                    |
+----------------+-----------------+--------------------+
|  Omega         |   D (2024.2)    |                    |
+----------------+-----------------+--------------------+

Mapping of share drivers and common capabilities
------------------------------------------------

+----------------+-------------------------------+--------------------+
|                |          Read & Write         |                    |
+  Driver name   +---------------+---------------+ revert to snapshot +
|                |     IPv4      |     IPv6      |                    |
+================+===============+===============+====================+
|  Acme NAS      |  NFS,CIFS (J) |      \-       |         K          |
+----------------+---------------+---------------+--------------------+
|  Unknown box   |       K       |       K       |         K          |
+----------------+---------------+---------------+--------------------+
`;

const BORDER = '+------------------+-------+';
/** A two-column grid table of `rows` body rows under a header. */
export function tallTable(rows: number): string {
  const lines = [BORDER, '| Driver name      | mark  |', BORDER.replace(/-/g, '=')];
  for (let i = 0; i < rows; i++) lines.push(`| back end ${String(i).padEnd(8)}| K     |`, BORDER);
  return lines.join('\n');
}
