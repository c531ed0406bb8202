// Test stub: mirrors the public API surface of the AWSSDK.Kinesis package, for analyzer tests.
using Amazon.Runtime;

namespace Amazon.Kinesis.Model
{
    public interface IKinesisPaginatorFactory
    {
        IListStreamsPaginator ListStreams(ListStreamsRequest request);
    }

    public interface IListStreamsPaginator
    {
        IPaginatedEnumerable<ListStreamsResponse> Responses { get; }
    }
}
