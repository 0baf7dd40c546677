import type { StorybookConfig } from '@storybook/react-vite'

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/**/*.stories.tsx'],
  addons: ['msw-storybook-addon'],
  // `msw init public` writes mockServiceWorker.js here.
  staticDirs: ['../public'],
}
export default config
