export { openDesk, type Desk, type OpenDeskOptions } from './desk'
