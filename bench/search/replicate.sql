-- Copies the ingested corpus until it holds :target articles. Each copy k shifts publication dates by
-- k years and gets distinct ids and content hashes, so it indexes and ranks like more real articles.
\set ON_ERROR_STOP on
create temporary table base as select id from article order by id;
select count(*) as base_count from base \gset
select greatest(0, ceil((:target - :base_count)::numeric / :base_count))::int as copies \gset

insert into article (source_document_id, outlet_id, story_id, url, canonical_url, headline, headline_derived,
                     dek, byline, published_at, language, body, word_count, content_hash, confidence, warnings,
                     ingested_at, updated_at)
select a.source_document_id, a.outlet_id, null, a.url, a.canonical_url, a.headline, a.headline_derived,
       a.dek, a.byline, a.published_at + make_interval(years => k), a.language, a.body, a.word_count,
       md5(a.content_hash || ':' || k) || md5(k || ':' || a.content_hash), a.confidence, a.warnings,
       now(), now()
from article a
join base b on b.id = a.id
cross join generate_series(1, :copies) as k
order by k, a.id
limit greatest(0, :target - :base_count);

-- Each copy gets its original's paragraphs (bodies are unique in the base corpus).
insert into paragraph (article_id, ordinal, kind, text, start_offset, end_offset)
select n.id, p.ordinal, p.kind, p.text, p.start_offset, p.end_offset
from article n
join article o on o.body = n.body and o.id <> n.id
join base b on b.id = o.id
join paragraph p on p.article_id = o.id
where not exists (select 1 from base x where x.id = n.id);
