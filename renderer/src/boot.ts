// The page's entry: start reading the first screen's data, then load the app (its evaluation takes a
// few hundred milliseconds that the desk core spends on the read).
import { prefetchFirstScreen } from './board/prefetch'

prefetchFirstScreen()
await import('./main')
