-- Search reads only the most recent matches of a query (SearchConfig.candidates). With the GIN index that
-- meant either reading every match to sort them by date (15,554 heap rows for "prices" at 100,000
-- articles) or walking the publication-date index and testing each article until enough matched (4,400
-- rows for "financing"). A RUM index (extension rum, Debian package postgresql-15-rum) stores each
-- article's published_at beside its lexemes and returns the matches of a tsquery already ordered by date
-- (ORDER BY published_at <=| t), so the newest 200 matches cost about 200 rows whatever the query. It also
-- answers plain @@ searches (bitmap scans) and published_at ranges, so it replaces the GIN index.
--
-- Where the extension is not installed (the stock postgres:15 image of deploy/compose.yaml) the GIN index
-- stays and SearchService walks the publication-date index instead: same results, slower for common words.
-- Installing rum later and re-running the statements below by hand switches such a database over.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'rum') then
        create extension if not exists rum;
        create index article_search_rum_idx on article
            using rum (search_vector rum_tsvector_addon_ops, published_at)
            with (attach = 'published_at', to = 'search_vector');
        drop index article_search_idx;
    else
        raise notice 'extension rum is not available: search keeps the GIN index (slower at scale, see docs/benchmarks.md "Search")';
    end if;
end
$$;

-- Which text-search configurations are in use (SearchService.configs, refreshed every minute) was a
-- sequential scan of every article (230 ms at 100,000); with this index it is a skip scan of the few languages.
create index article_language_idx on article (language);
