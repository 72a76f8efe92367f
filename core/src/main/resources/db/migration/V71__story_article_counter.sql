-- Story assignment needs the number of grouped articles for every new article (document frequencies).
-- Counting story_member each time reads the whole table; a counter row in story_feature does not.
-- Feature keys always carry a prefix ("w:", "e:", "q:"), so '#articles' cannot clash with one.
insert into story_feature (feature, document_count)
select '#articles', count(*) from story_member
on conflict (feature) do update set document_count = excluded.document_count;
