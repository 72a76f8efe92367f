-- Copies the ingested corpus until it holds :target articles. Each copy k shifts publication dates by
-- k years and gets distinct ids and content hashes (salted with the target, so a second run that grows
-- 100k to 200k copies the copies without colliding), so it indexes and ranks like more real articles.
-- Copies have no story (story_id null): the story facet counts only the ingested originals.
\set ON_ERROR_STOP on
create temporary table base as select id from article order by id;
select count(*) as base_count from base \gset
select greatest(0, ceil((:target - :base_count)::numeric / :base_count))::int as copies \gset

-- New ids are drawn up front so that each copy knows its original without joining on body text
-- (identical bodies under different headlines exist in Reuters-21578).
create temporary table copy_map as
select b.id as original_id, k, nextval(pg_get_serial_sequence('article', 'id')) as copy_id
from base b cross join generate_series(1, :copies) as k
order by k, b.id
limit greatest(0, :target - :base_count);

-- The per-row "did you mean" word trigger would upsert ~100 words per copy; the word counts are
-- recomputed in one pass below instead.
alter table article disable trigger article_search_words;

-- The search index (RUM, migration V80) is built in one pass after the copies (17 s at 100k) rather than
-- updated row by row during them.
select exists (select 1 from pg_indexes where indexname = 'article_search_rum_idx') as has_rum \gset
\if :has_rum
drop index article_search_rum_idx;
\endif

insert into article (id, source_document_id, outlet_id, story_id, url, canonical_url, headline, headline_derived,
                     dek, byline, published_at, language, body, word_count, content_hash, confidence, warnings,
                     ingested_at, updated_at)
overriding system value
select m.copy_id, a.source_document_id, a.outlet_id, null, a.url, a.canonical_url, a.headline, a.headline_derived,
       a.dek, a.byline, a.published_at + make_interval(years => m.k), a.language, a.body, a.word_count,
       md5(a.content_hash || ':' || m.k || ':' || :target) || md5(:target || ':' || m.k || ':' || a.content_hash), a.confidence, a.warnings,
       now(), now()
from copy_map m
join article a on a.id = m.original_id;

insert into paragraph (article_id, ordinal, kind, text, start_offset, end_offset)
select m.copy_id, p.ordinal, p.kind, p.text, p.start_offset, p.end_offset
from copy_map m
join paragraph p on p.article_id = m.original_id;

alter table article enable trigger article_search_words;

\if :has_rum
create index article_search_rum_idx on article
    using rum (search_vector rum_tsvector_addon_ops, published_at)
    with (attach = 'published_at', to = 'search_vector');
\endif

insert into search_word (word, ndoc)
select w, count(*)
from article a,
     unnest(tsvector_to_array(to_tsvector('simple', coalesce(a.headline, '') || ' ' || coalesce(a.dek, '') || ' ' || a.body))) as w
where length(w) between 3 and 40 and w !~ '^[0-9.,:/-]+$'
group by w
on conflict (word) do update set ndoc = excluded.ndoc;
