import type { PagingResolvers } from '../generated/resolvers-types.js';

export const Paging: PagingResolvers = {
  totalCount: ({ paging }) => paging?.total_count ?? null,
  startOffset: ({ paging }) => paging?.start_offset ?? null,
  endOffset: ({ paging }) => paging?.end_offset ?? null,
  pageNo: ({ pageNo }) => pageNo,
  perPage: ({ perPage }) => perPage,
  hasNextPage: ({ paging, pageNo, perPage }) =>
    typeof paging?.total_count === 'number' ? pageNo * perPage < paging.total_count : null,
  totalPages: ({ paging, perPage }) =>
    typeof paging?.total_count === 'number' ? Math.ceil(paging.total_count / perPage) : null,
};
