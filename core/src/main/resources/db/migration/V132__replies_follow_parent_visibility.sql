-- Replies are read by whoever can read the annotation they answer. Before this, making an annotation
-- private left its replies shared; bring the replies of such annotations back in line.
update annotation r
set visibility = p.visibility
from annotation p
where r.parent_id = p.id and r.visibility <> p.visibility;
