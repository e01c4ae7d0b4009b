import SqliteDatabase from 'better-sqlite3';
import { withStatementCache } from '../../../src/server/store/sqlite-statement-cache';

describe('withStatementCache', () => {
  it('prepares each SQL text once and keeps at most maxStatements', () => {
    const database = new SqliteDatabase(':memory:');
    const prepare = jest.spyOn(database, 'prepare');
    const cached = withStatementCache(database, 2);
    cached.prepare('select 1').all([]);
    cached.prepare('select 1').all([]);
    expect(prepare).toHaveBeenCalledTimes(1);
    cached.prepare('select 2');
    cached.prepare('select 3'); // evicts "select 1", the oldest
    cached.prepare('select 1');
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual(['select 1', 'select 2', 'select 3', 'select 1']);
    expect(cached.prepare('select ?').all([7])).toEqual([{ '?': 7 }]);
    cached.close();
  });
});
