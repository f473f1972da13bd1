import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';

/** Client errors (4xx) are answers, not hiccups: only retry network and 5xx failures. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => {
        if (error instanceof ApiError && error.status < 500) return false;
        return count < 2;
      },
    },
    mutations: { retry: false },
  },
});
