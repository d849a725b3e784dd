import { insideQuotes, sqlPosition } from '../../src/util/sql-position';

describe('sqlPosition', () => {
  it.each([
    ["SELECT * FROM users WHERE id = ", '', 'value'],
    ["SELECT * FROM users WHERE name = '", "'", 'value'],
    ["SELECT * FROM t WHERE name LIKE '%", "%'", 'value'],
    ["SELECT * FROM t WHERE id IN (", ')', 'value'],
    ["SELECT * FROM t WHERE id IN (1, ", ')', 'value'],
    ["INSERT INTO t (a, b) VALUES (", ', ?)', 'value'],
    ["INSERT INTO t (a, b) VALUES (?, ", ')', 'value'],
    ["SELECT * FROM t LIMIT ", '', 'value'],
    ["SELECT date_floor_round(now(), '", " minutes')", 'value'],
    ['SELECT * FROM t WHERE name = "', '"', 'value'],
    ['SELECT 1 FROM ', ' WHERE id = ?', 'identifier'],
    ['SELECT * FROM a JOIN ', ' ON a.id = b.a_id', 'identifier'],
    ['INSERT INTO ', ' (a) VALUES (?)', 'identifier'],
    ['UPDATE ', ' SET a = ?', 'identifier'],
    ['ALTER TABLE ', ' ADD COLUMN x text', 'identifier'],
    ['ALTER TABLE t ADD COLUMN ', ' text', 'identifier'],
    ['DROP TABLE IF EXISTS ', '', 'identifier'],
    ['SELECT * FROM "', '" WHERE id = 1', 'identifier'],
    ['SELECT * FROM `', '`', 'identifier'],
    ['SELECT * FROM t ORDER BY ', '', 'identifier'],
    ['SELECT * FROM t ORDER BY name ', '', 'identifier'],
    ['SELECT * FROM t ORDER BY a, ', ' DESC', 'identifier'],
    ['SELECT * FROM t GROUP BY ', '', 'identifier'],
    ['SELECT ', ' FROM t', 'identifier'],
    ['SELECT id, ', ' FROM t', 'identifier'],
    ['SELECT * FROM t WHERE ', '.id = 1', 'identifier'],
    ['SELECT * FROM t WHERE t.', ' = 1', 'identifier'],
    ['INSERT INTO t (', ') VALUES (?)', 'identifier'],
    ['CREATE INDEX ?_?_idx ON ', ' (?)', 'identifier'],
    ['CREATE INDEX i ON t (', ')', 'identifier'],
    ['CREATE INDEX idx_', ' ON t (a)', 'identifier'],
    ["PRAGMA foreign_key_list('", "');", 'identifier'],
    ['pragma index_list("', '")', 'identifier'],
    ['PRAGMA table_info(', ')', 'identifier'],
    ['SELECT a AS ', ' FROM t', 'identifier'],
    ['CREATE OR REPLACE SQL SECURITY INVOKER VIEW `?` AS ', '', 'fragment'],
    ['CREATE TABLE t2 AS ', '', 'fragment'],
    ['SELECT * FROM t WHERE 1 ', '', 'fragment'],
    ['SELECT * FROM t WHERE ', '', 'fragment'],
    ['UPDATE t SET x = CASE id ', ' END', 'fragment'],
    ["SELECT * FROM t WHERE a = 'it''s' AND b = ", '', 'value'],
    ["SELECT * FROM t WHERE a = '-- x' AND ", '', 'fragment'],
  ] as const)('%s|%s → %s', (before, after, expected) => {
    expect(sqlPosition(before, after)).toBe(expected);
  });
});

describe('insideQuotes', () => {
  it('tells text ending inside a string or a quoted name from text outside', () => {
    expect(insideQuotes("SELECT * FROM t WHERE a = 'x")).toBe(true);
    expect(insideQuotes('SELECT "col')).toBe(true);
    expect(insideQuotes("SELECT * FROM t WHERE a = 'x' AND b = ")).toBe(false);
    expect(insideQuotes("SELECT 1 -- it's\nFROM t WHERE a = ")).toBe(false);
    expect(insideQuotes("/* Bob's report */ SELECT * FROM t WHERE a = ")).toBe(false);
    expect(sqlPosition("/* Bob's report */ SELECT * FROM t ORDER BY ", '')).toBe('identifier');
  });
});
