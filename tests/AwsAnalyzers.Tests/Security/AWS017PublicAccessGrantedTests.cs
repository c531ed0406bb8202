using System.Threading.Tasks;
using AwsAnalyzers.Security;
using Xunit;
using VerifyCS = AwsAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    AwsAnalyzers.Security.AWS017PublicAccessGrantedAnalyzer,
    AwsAnalyzers.Security.AWS017PublicAccessGrantedCodeFix>;

namespace AwsAnalyzers.Tests.Security;

public class AWS017PublicAccessGrantedTests
{
    private static async Task VerifyV3Async(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.AllV3Shapes);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Acl(int location, string acl) =>
        VerifyCS.Diagnostic(AWS017PublicAccessGrantedAnalyzer.AclRule).WithLocation(location).WithArguments(acl);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult PublicPrincipal(int location, string principal) =>
        VerifyCS.Diagnostic(AWS017PublicAccessGrantedAnalyzer.PublicPrincipalRule).WithLocation(location).WithArguments(principal);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult AllActions(int location) =>
        VerifyCS.Diagnostic(AWS017PublicAccessGrantedAnalyzer.AllActionsRule).WithLocation(location);

    // ---- (a) Public canned ACLs and grants ----

    [Fact]
    public async Task Public_canned_acls_on_every_request_are_reported_and_removed()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Transfer;

            class Publisher
            {
                async Task PublishAsync(IAmazonS3 s3, ITransferUtility transfer, string bucket, string key)
                {
                    await s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        // Readable from the website.
                        CannedACL = {|#0:S3CannedACL.PublicRead|},
                        ContentBody = "x",
                    });
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, CannedACL = {|#1:S3CannedACL.PublicReadWrite|} });
                    var copy = new CopyObjectRequest { SourceBucket = bucket, SourceKey = key, DestinationBucket = bucket, DestinationKey = key + ".copy" };
                    copy.CannedACL = {|#2:S3CannedACL.AuthenticatedRead|}; // shared with partners
                    await s3.CopyObjectAsync(copy);
                    await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, CannedACL = {|#3:S3CannedACL.FindValue("public-read")|} });
                    await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = bucket, Key = key, FilePath = "f", CannedACL = {|#4:"public-read"|} });
                    await s3.PutACLAsync(new PutACLRequest { BucketName = bucket, Key = key, CannedACL = {|#5:new S3CannedACL("public-read-write")|} });
                    await s3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = key, ACL = {|#6:S3CannedACL.PublicRead|} });
                    await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, ACL = {|#7:S3CannedACL.PublicRead|} });
                }
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;
            using Amazon.S3.Transfer;

            class Publisher
            {
                async Task PublishAsync(IAmazonS3 s3, ITransferUtility transfer, string bucket, string key)
                {
                    await s3.PutObjectAsync(new PutObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        // Readable from the website.
                        ContentBody = "x",
                    });
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
                    var copy = new CopyObjectRequest { SourceBucket = bucket, SourceKey = key, DestinationBucket = bucket, DestinationKey = key + ".copy" };
                    await s3.CopyObjectAsync(copy);
                    await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key });
                    await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = bucket, Key = key, FilePath = "f" });
                    await s3.PutACLAsync(new PutACLRequest { BucketName = bucket, Key = key });
                    await s3.PutObjectAclAsync(new PutObjectAclRequest { BucketName = bucket, Key = key });
                    await s3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket });
                }
            }
            """,
            AWS017PublicAccessGrantedCodeFix.RemoveAclEquivalenceKey,
            Acl(0, "public-read"), Acl(1, "public-read-write"), Acl(2, "authenticated-read"), Acl(3, "public-read"),
            Acl(4, "public-read"), Acl(5, "public-read-write"), Acl(6, "public-read"), Acl(7, "public-read"));
    }

    [Fact]
    public async Task The_last_entry_of_a_multi_line_initializer_is_removed_with_the_comma_before_it()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                PutObjectRequest Build(string bucket, string key) => new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    CannedACL = {|#0:S3CannedACL.PublicRead|}
                };
            }
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                PutObjectRequest Build(string bucket, string key) => new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key
                };
            }
            """,
            AWS017PublicAccessGrantedCodeFix.RemoveAclEquivalenceKey,
            Acl(0, "public-read"));
    }

    [Fact]
    public async Task A_public_acl_held_by_a_local_is_reported_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                PutObjectRequest Build(string bucket)
                {
                    var acl = S3CannedACL.PublicRead;
                    const string wire = "public-read-write";
                    var request = new PutObjectRequest { BucketName = bucket, CannedACL = {|#0:acl|} };
                    request.CannedACL = {|#1:wire|};
                    return request;
                }
            }
            """,
            Acl(0, "public-read"), Acl(1, "public-read-write"));
    }

    [Fact]
    public async Task A_removal_in_an_embedded_statement_is_not_offered()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                void Build(PutObjectRequest request, bool website)
                {
                    if (website) request.CannedACL = {|#0:S3CannedACL.PublicRead|};
                }
            }
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                void Build(PutObjectRequest request, bool website)
                {
                    if (website) request.CannedACL = {|#0:S3CannedACL.PublicRead|};
                }
            }
            """,
            AWS017PublicAccessGrantedCodeFix.RemoveAclEquivalenceKey,
            Acl(0, "public-read"));
    }

    [Fact]
    public async Task Grants_to_the_public_groups_are_reported_without_a_fix()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                const string Everyone = "http://acs.amazonaws.com/groups/global/AllUsers";

                S3AccessControlList Acl(string ownerId)
                {
                    var list = new S3AccessControlList { Owner = new Owner { Id = ownerId } };
                    list.AddGrant(new S3Grantee { URI = {|#0:Everyone|} }, S3Permission.READ);
                    var partners = new S3Grantee();
                    partners.URI = {|#1:"http://acs.amazonaws.com/groups/global/AuthenticatedUsers"|};
                    list.AddGrant(partners, S3Permission.READ);
                    return list;
                }
            }
            """,
            VerifyCS.Diagnostic(AWS017PublicAccessGrantedAnalyzer.GrantRule).WithLocation(0).WithArguments("AllUsers"),
            VerifyCS.Diagnostic(AWS017PublicAccessGrantedAnalyzer.GrantRule).WithLocation(1).WithArguments("AuthenticatedUsers"));
    }

    [Fact]
    public async Task Private_and_owner_acls_other_grantees_and_values_from_outside_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                void Build(PutObjectRequest request, S3CannedACL configured, string wire, S3AccessControlList list, string ownerId)
                {
                    request.CannedACL = S3CannedACL.Private;
                    request.CannedACL = S3CannedACL.BucketOwnerFullControl;
                    request.CannedACL = S3CannedACL.BucketOwnerRead;
                    request.CannedACL = S3CannedACL.FindValue("private");
                    request.CannedACL = "bucket-owner-full-control";
                    request.CannedACL = configured;
                    request.CannedACL = S3CannedACL.FindValue(wire);
                    var changing = S3CannedACL.PublicRead;
                    changing = configured;
                    request.CannedACL = changing;
                    list.AddGrant(new S3Grantee { CanonicalUser = ownerId }, S3Permission.FULL_CONTROL);
                    list.AddGrant(new S3Grantee { URI = "http://acs.amazonaws.com/groups/s3/LogDelivery" }, S3Permission.WRITE);
                }
            }
            """);
    }

    // ---- (b) Policy documents ----

    [Fact]
    public async Task Bucket_policies_with_a_public_principal_are_reported_on_the_request_and_the_convenience_overload()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Website
            {
                const string Bucket = "site";
                const string PublicRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + Bucket + "/*\"}]}";

                async Task PublishAsync(IAmazonS3 s3, AmazonS3Client client, string bucket)
                {
                    await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = {|#0:PublicRead|} });
                    await client.PutBucketPolicyAsync(bucket, {|#1:PublicRead|});
                    string policy = $@"{{
                          ""Statement"": {{
                            ""Effect"": ""Allow"",
                            ""Principal"": {{ ""AWS"": [ ""arn:aws:iam::111122223333:root"", ""*"" ] }},
                            ""Action"": [ ""s3:GetObject"" ],
                            ""Resource"": ""arn:aws:s3:::{bucket}/*""
                          }}
                        }}";
                    await s3.PutBucketPolicyAsync(bucket, {|#2:policy|});
                }
            }
            """,
            PublicPrincipal(0, "\"*\""), PublicPrincipal(1, "\"*\""), PublicPrincipal(2, "{\"AWS\": \"*\"}"));
    }

    [Fact]
    public async Task Iam_policies_that_allow_every_action_on_every_resource_are_reported_in_v3_and_v4_shapes()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Amazon.IdentityManagement;
            using Amazon.IdentityManagement.Model;

            class Roles
            {
                const string Admin = @"{
                    ""Version"": ""2012-10-17"",
                    ""Statement"": [
                        { ""Effect"": ""Allow"", ""Action"": ""*"", ""Resource"": ""*"" }
                    ]
                }";

                async Task GrantAsync(IAmazonIdentityManagementService iam, AmazonIdentityManagementServiceClient client, string role, string user)
                {
                    await iam.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = role, PolicyName = "admin", PolicyDocument = {|#0:Admin|} });
                    var request = new PutUserPolicyRequest { UserName = user, PolicyName = "admin" };
                    request.PolicyDocument = {|#1:"{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"*\"],\"Resource\":[\"*\"]}]}"|};
                    await client.PutUserPolicyAsync(request);
                    await iam.CreatePolicyAsync(new CreatePolicyRequest { PolicyName = "admin", PolicyDocument = {|#2:Admin|} });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(Source, AllActions(0), AllActions(1), AllActions(2));
        await VerifyV3Async(Source, AllActions(0), AllActions(1), AllActions(2));
    }

    [Fact]
    public async Task Denies_conditions_narrow_actions_and_unreadable_or_unknown_policies_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.Tasks;
            using Amazon.IdentityManagement;
            using Amazon.IdentityManagement.Model;
            using Amazon.S3;
            using Amazon.S3.Model;

            class Policies
            {
                const string DenyInsecure = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
                const string ThroughEndpoint = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}}]}";
                const string Organization = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}]}";
                const string OneAccount = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
                const string S3Only = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
                const string Broken = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",";

                async Task ApplyAsync(IAmazonS3 s3, IAmazonIdentityManagementService iam, string bucket, string principal, string fromFile)
                {
                    await s3.PutBucketPolicyAsync(bucket, DenyInsecure);
                    await s3.PutBucketPolicyAsync(bucket, ThroughEndpoint);
                    await s3.PutBucketPolicyAsync(bucket, Organization);
                    await s3.PutBucketPolicyAsync(bucket, OneAccount);
                    await s3.PutBucketPolicyAsync(bucket, Broken);
                    await s3.PutBucketPolicyAsync(bucket, fromFile);
                    await s3.PutBucketPolicyAsync(bucket, $"{{\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"{principal}\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}]}}");
                    await s3.PutBucketPolicyAsync(bucket, $"{{\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{fromFile}}}]}}");
                    await iam.PutRolePolicyAsync(new PutRolePolicyRequest { RoleName = "r", PolicyName = "p", PolicyDocument = S3Only });
                }
            }
            """);
    }

    // ---- (b) The SDK's policy builder ----

    [Fact]
    public async Task Statements_built_with_the_sdk_types_are_reported_at_the_public_principal_and_the_every_resource()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Auth.AccessControlPolicy;

            class Builder
            {
                string Website(string bucket) =>
                    new Policy().WithStatements(
                        new Statement(Statement.StatementEffect.Allow)
                            .WithPrincipals({|#0:Principal.AllUsers|})
                            .WithActionIdentifiers(new ActionIdentifier("s3:GetObject"))
                            .WithResources(new Resource("arn:aws:s3:::" + bucket + "/*"))).ToJson();

                string Admin()
                {
                    var statement = new Statement(Statement.StatementEffect.Allow)
                        .WithActionIdentifiers(new ActionIdentifier("*"))
                        .WithResources({|#1:new Resource("*")|});
                    var anonymous = new Statement(Statement.StatementEffect.Allow)
                        .WithPrincipals({|#2:new Principal("*")|})
                        .WithActionIdentifiers("s3:GetObject");
                    return new Policy("admin", new[] { statement, anonymous }).ToJson();
                }
            }
            """,
            PublicPrincipal(0, "Principal.AllUsers"), AllActions(1), PublicPrincipal(2, "new Principal(\"*\")"));
    }

    [Fact]
    public async Task Sdk_statements_that_deny_have_conditions_or_are_changed_later_are_not_reported()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Amazon.Auth.AccessControlPolicy;

            class Builder
            {
                Statement Returned() => new Statement(Statement.StatementEffect.Allow).WithPrincipals(Principal.AllUsers);

                string Policies(Condition fromVpce, Principal partner)
                {
                    var deny = new Statement(Statement.StatementEffect.Deny).WithPrincipals(Principal.AllUsers).WithResources(new Resource("*"));
                    var narrowed = new Statement(Statement.StatementEffect.Allow).WithPrincipals(Principal.AllUsers).WithConditions(fromVpce);
                    var later = new Statement(Statement.StatementEffect.Allow).WithPrincipals(Principal.AllUsers);
                    later.Conditions.Add(fromVpce);
                    var named = new Statement(Statement.StatementEffect.Allow).WithPrincipals(partner, new Principal("111122223333"));
                    var narrow = new Statement(Statement.StatementEffect.Allow)
                        .WithActionIdentifiers(new ActionIdentifier("s3:*")).WithResources(new Resource("*"));
                    return new Policy("p", new[] { deny, narrowed, later, named, narrow, Returned() }).ToJson();
                }
            }
            """);
    }

    // ---- Robustness ----

    [Fact]
    public async Task Calls_arranged_on_a_test_double_are_not_reported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Moq;
                using NSubstitute;

                class PublisherTests
                {
                    const string PublicRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

                    void Arrange(Mock<IAmazonS3> mock, IAmazonS3 substitute)
                    {
                        mock.Setup(s => s.PutBucketPolicyAsync("b", PublicRead, CancellationToken.None));
                        mock.Verify(s => s.PutObjectAsync(new PutObjectRequest { CannedACL = S3CannedACL.PublicRead }, CancellationToken.None));
                        substitute.Received().PutBucketPolicyAsync("b", PublicRead, CancellationToken.None);
                    }
                }
                """,
        };
        test.TestState.Sources.Add(Infrastructure.MockingLibrarySources.EntryPoints);
        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using Amazon.S3;
            using Amazon.S3.Model;

            class Publisher
            {
                PutObjectRequest Build() => new PutObjectRequest { CannedACL = S3CannedACL.PublicRead };
            }
            """);
    }

    [Fact]
    public async Task Incomplete_code_gives_no_crash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using Amazon.Auth.AccessControlPolicy;
                using Amazon.S3;
                using Amazon.S3.Model;

                class Publisher
                {
                    void Build(IAmazonS3 s3)
                    {
                        var request = new PutObjectRequest { CannedACL = S3CannedACL. , ACL = };
                        request.CannedACL = S3CannedACL.FindValue(;
                        s3.PutBucketPolicyAsync("b", "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\"");
                        new Statement(Statement.StatementEffect.Allow).WithPrincipals(Principal.).WithResources(new Resource(
                        new S3Grantee { URI = Missing };
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }
}
