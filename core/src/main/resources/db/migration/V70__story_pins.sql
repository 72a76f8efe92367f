-- Editors merge and split stories (issue 4). Their decision pins the membership of the articles concerned:
-- articles with the same pin always share a story, articles with different pins never do, whatever links
-- later arrivals make. The pin is the story_event that recorded the decision, so it also says who and when.
alter table story_member add column pin bigint references story_event (id) on delete set null;
