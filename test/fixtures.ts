/** The fixed demo caller of 昆明五华站 and a ticket for them, as tests and benchmarks use it. */
export const DEMO_CUSTOMER_ID = 'st-wh-cus-0001'
export const DEMO_PHONE = '13888000001'

export const TICKET_DRAFT = {
  customerId: DEMO_CUSTOMER_ID,
  reporterPhone: DEMO_PHONE,
  faultDescription: '打印机卡纸，进纸时有异响',
  category: 'printer',
  faultLevel: 'general',
  channel: 'phone',
  serviceMode: 'onsite',
} as const
