/** The columns and joins of a ticket row in lists (工单 list, a customer's earlier tickets). */
export const TICKET_SUMMARY_SELECT = `
  SELECT t.id, t.number, t.created_at AS createdAt, c.unit_name AS customerName, t.reporter_phone AS reporterPhone,
         substr(t.fault_description, 1, 200) AS faultDescription, t.category, t.fault_level AS faultLevel,
         t.service_mode AS serviceMode, t.status, u.name AS assigneeName, s.name AS stationName
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  JOIN stations s ON s.id = t.station_id
  LEFT JOIN users u ON u.id = t.assignee_id`
