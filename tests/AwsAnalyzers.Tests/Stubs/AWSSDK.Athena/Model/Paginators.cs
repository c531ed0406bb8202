// Test stub: mirrors the public API surface of the AWSSDK.Athena package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Athena.Model
{
    public interface IAthenaPaginatorFactory
    {
        IGetQueryResultsPaginator GetQueryResults(GetQueryResultsRequest request);
    }

    public interface IGetQueryResultsPaginator
    {
        IPaginatedEnumerable<GetQueryResultsResponse> Responses { get; }
    }
}
