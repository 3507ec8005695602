/** A synced table as on the desk, plus row_version: the sync version that last wrote the row (pull reads by it). */
export const syncedTable = (name: string, columns: string) => `
  CREATE TABLE ${name} (
    ${columns},
    row_version BIGINT NOT NULL
  );
  CREATE INDEX ${name}_row_version ON ${name}(row_version);`
