/**
 * PostgreSQL phrase search. GIN keeps no word positions, so `"cảng container"` used to fetch every item
 * holding both words (39,000 of 1,000,000 in the bench) to check that they are adjacent. The search
 * column now also holds each pair of adjacent words as one lexeme ("cang container"), derived from the
 * tsvector's own positions, and a phrase is searched by its pairs: the index answers a two-word phrase
 * alone, and narrows a longer one to the items holding every pair, which are then checked. A lexeme
 * with a space cannot come out of the 'simple' parser, so pairs never match a word query. SQLite (FTS5
 * keeps positions) needs none of this.
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const postgresSearchBigramsMigration: AppMigration = {
  name: "0010-postgres-search-bigrams",
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== "postgres") return;
    // Adjacent lexeme pairs of a tsvector, as a tsvector without positions.
    await sql`create or replace function haidang_bigrams(v tsvector) returns tsvector
      language sql immutable strict parallel safe as $$
        select coalesce(array_to_tsvector(array_agg(distinct a.lexeme || ' ' || b.lexeme)), ''::tsvector)
        from (select u.lexeme, unnest(u.positions) as pos from unnest(v) as u) as a
        join (select u.lexeme, unnest(u.positions) as pos from unnest(v) as u) as b on b.pos = a.pos + 1
      $$`.execute(db);
    // A lexeme as tsquery text: quoted, with quotes and backslashes doubled.
    await sql`create or replace function haidang_tsquery_lexeme(lexeme text) returns text
      language sql immutable strict parallel safe as $$
        select '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''''
      $$`.execute(db);
    // A phrase as a tsquery: its adjacent pairs, and from three words on the phrase itself as well
    // (pairs alone would also match "a b … b c").
    await sql`create or replace function haidang_phrase_query(phrase text) returns tsquery
      language sql immutable strict parallel safe as $$
        select case
            when q.pairs is null then q.exact
            when q.words = 2 then q.pairs
            else q.pairs && q.exact
          end
        from (
          select phraseto_tsquery('simple', phrase) as exact,
            (select string_agg(haidang_tsquery_lexeme(l.lexeme), ' & ')::tsquery
               from unnest(haidang_bigrams(v)) as l) as pairs,
            (select count(*) from unnest(v) as u, unnest(u.positions) as p) as words
          from to_tsvector('simple', phrase) as v
        ) as q
      $$`.execute(db);
    await sql`drop index if exists monitoring_items_tsv_idx`.execute(db);
    await sql`alter table monitoring_items drop column search_tsv`.execute(db);
    // Kept in the row (storage main): a phrase or NEAR check reads it for every candidate, and with the
    // pairs it would otherwise be the column moved out to TOAST, one more page read per candidate.
    await sql`alter table monitoring_items
      add column search_tsv tsvector generated always as
        (to_tsvector('simple', folded_text) || haidang_bigrams(to_tsvector('simple', folded_text))) stored,
      alter column search_tsv set storage main`.execute(db);
    await sql`create index monitoring_items_tsv_idx on monitoring_items using gin (search_tsv)`.execute(db);
  },
};
