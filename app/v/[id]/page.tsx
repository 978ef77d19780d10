import { notFound, redirect } from 'next/navigation';
import { getShortLink } from '@/lib/store/short-links';

type PageProps = { params: Promise<{ id: string }> };

/** A short link opens the view it was made from. */
export default async function ShortLinkPage({ params }: PageProps) {
  const link = await getShortLink((await params).id);
  if (!link) notFound();
  redirect(`/datasets/${link.datasetId}${link.query ? `?${link.query}` : ''}`);
}
