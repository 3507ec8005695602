import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The desk core runs in its own utility process, off the main process's event loop.
          deskProcess: resolve('electron/desk/utilityProcessEntry.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() modules: bundle everything it uses into one file.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { minify: true, outDir: resolve('out/renderer'), rollupOptions: { input: resolve('renderer/index.html') } },
  },
})
