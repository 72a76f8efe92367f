-- Full-text search support: trigram suggestions for "did you mean" and indexes for filters and facets.
create extension if not exists pg_trgm;

-- Every word that occurs in some article (simple configuration: lower-cased, unstemmed), with the number
-- of articles it occurs in. Suggestions come from here; kept current by the trigger below.
create table search_word (
    word text    primary key,
    ndoc integer not null
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

create function search_word_collect() returns trigger
    language plpgsql as
$$
begin
    insert into search_word (word, ndoc)
    select w, 1
    from unnest(tsvector_to_array(to_tsvector('simple', coalesce(new.headline, '') || ' ' || coalesce(new.dek, '')
                                                          || ' ' || new.body))) as w
    where length(w) between 3 and 40 and w !~ '^[0-9.,:/-]+$'
    on conflict (word) do update set ndoc = search_word.ndoc + 1;
    return new;
end
$$;

create trigger article_search_words
    after insert on article
    for each row execute function search_word_collect();

insert into search_word (word, ndoc)
select w, count(*)
from article a,
     unnest(tsvector_to_array(to_tsvector('simple', coalesce(a.headline, '') || ' ' || coalesce(a.dek, '') || ' ' || a.body))) as w
where length(w) between 3 and 40 and w !~ '^[0-9.,:/-]+$'
group by w
on conflict (word) do update set ndoc = excluded.ndoc;

create index outlet_name_lower_idx on outlet (lower(name));
