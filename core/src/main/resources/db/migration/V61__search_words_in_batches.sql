-- search_word (V30) was kept current by a row trigger that upserted every distinct word of each new article:
-- about 60 updates of the same few hundred hot rows ("said", "the", "reuters") per article. During a batch
-- ingest those rows collected thousands of dead versions (HOT chains each lookup walks), and storing one
-- Reuters article cost 10 to 60 ms of server time and growing. Now the trigger only notes the article;
-- SearchWordWorker counts the words of many noted articles in one statement, one update per distinct word
-- per batch, moments after they commit. Counts stay exact; suggestions lag the article by seconds.
create table search_word_queue (
    article_id bigint not null primary key references article (id) on delete cascade
);

create or replace function search_word_collect() returns trigger
    language plpgsql as
$$
begin
    insert into search_word_queue (article_id) values (new.id);
    return new;
end
$$;
