// Test stub: mirrors the public API surface of the AWSSDK.Glue package, for analyzer tests (the paginators the tests use).
using Amazon.Runtime;

namespace Amazon.Glue.Model
{
    public interface IGluePaginatorFactory
    {
        IGetPartitionsPaginator GetPartitions(GetPartitionsRequest request);
        IGetTablesPaginator GetTables(GetTablesRequest request);
    }

    public interface IGetPartitionsPaginator
    {
        IPaginatedEnumerable<GetPartitionsResponse> Responses { get; }
    }

    public interface IGetTablesPaginator
    {
        IPaginatedEnumerable<GetTablesResponse> Responses { get; }
    }
}
