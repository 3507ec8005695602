import type { Engineer } from '../../../shared/api/syncSchemas'
import type { Db } from '../db/open'

const OPEN_SQL = "'new', 'assigned', 'accepted', 'en_route', 'on_site', 'waiting_parts', 'escalated'"

/** A station's active engineers with their open jobs (the 派工 choice; the map board ranks them later). */
export function engineerQueries(db: Db) {
  const list = db.prepare(`
    SELECT u.id, u.name, u.phone, u.skills, u.status,
           (SELECT count(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status IN (${OPEN_SQL})) AS openJobs
    FROM users u
    WHERE u.station_id = ? AND u.role = 'engineer' AND u.active = 1
    ORDER BY openJobs, u.name`)
  return {
    list(stationId: string): Engineer[] {
      return (list.all(stationId) as (Omit<Engineer, 'skills'> & { skills: string })[]).map((r) => ({ ...r, skills: JSON.parse(r.skills) }))
    },
  }
}
