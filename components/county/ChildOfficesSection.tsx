/** The part of an overview page that holds one line per office directly below the one shown. */
export function ChildOfficesSection({ count, children }: { count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby="child-offices-heading" className="space-y-2">
      <h2 id="child-offices-heading" className="text-lg font-semibold">
        下级政务公开办（{count} 个）
      </h2>
      {children}
    </section>
  );
}
