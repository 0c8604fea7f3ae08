import { Hono } from 'hono';
import { AppError } from '../../errors';
import type { Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import type { TableListReply, TableReply } from '../wire-types';

/** GET /api/tables (every table of the report) and GET /api/tables/:id (URL-encoded id such as %E8%A1%A86-1). */
export function tableRoutes(options: { pipeline: Pipeline }): Hono<AppEnv> {
  const { pipeline } = options;
  const app = new Hono<AppEnv>();
  app.get('/api/tables', (c) => c.json({ tables: pipeline.listTables() } satisfies TableListReply));
  app.get('/api/tables/:id', (c) => {
    // Ids are printed '表 6-1' in the report; accept the spaced and full-width forms too.
    const id = c.req.param('id').normalize('NFKC').replace(/\s+/g, '');
    const table = pipeline.getTable(id);
    if (!table) throw new AppError('not_found', `no table ${id}`);
    const reply: TableReply = {
      id: table.id,
      caption: table.caption,
      section: pipeline.sectionLabel?.(table.sectionId) ?? table.sectionId,
      line: table.line,
      columns: table.columns,
      rows: table.rows.map((row) => row.cells),
    };
    return c.json(reply);
  });
  return app;
}
